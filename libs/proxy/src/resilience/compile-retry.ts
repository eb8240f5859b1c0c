import { durationToMs } from '../config/duration';
import { type RetriesConfig } from '../config/retries.schema';
import { parseRetryOn } from './retry-on';

/** A route's retries as the request path reads them: conditions as bits, durations in ms. */
export interface CompiledRetry {
  /** Retries after the first try. */
  readonly attempts: number;
  readonly perTryTimeoutMs: number | undefined;
  /** RETRY_ON_BIT flags. */
  readonly on: number;
  /** Retried when `retriable-status-codes` is on (bare codes in retryOn). */
  readonly statusCodes: ReadonlySet<number>;
  readonly nonIdempotent: boolean;
}

/** Undefined when the route does not retry (no retries, or attempts 0), so the request path tests one field. */
export function compileRetry(retries: RetriesConfig | undefined): CompiledRetry | undefined {
  if (retries === undefined || retries.attempts === 0) return undefined;
  const conditions = parseRetryOn(retries.retryOn);
  // The schema refused an invalid list already; this only guards a config built around it.
  if (typeof conditions === 'string') throw new RangeError(`retryOn "${retries.retryOn}" ${conditions}`);
  return {
    attempts: retries.attempts,
    perTryTimeoutMs: retries.perTryTimeout === undefined ? undefined : durationToMs(retries.perTryTimeout),
    on: conditions.bits,
    statusCodes: conditions.statusCodes,
    nonIdempotent: retries.retryNonIdempotent,
  };
}
