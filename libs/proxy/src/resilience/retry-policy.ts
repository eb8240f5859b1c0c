import { type CompiledRetry } from './compile-retry';
import { RETRY_ON_BIT } from './retry-on';

/** Envoy's retry back-off: 25 ms base, doubled per retry, jittered, capped. */
const RETRY_BASE_MS = 25;
const RETRY_MAX_BACKOFF_MS = 250;

const ON_5XX = RETRY_ON_BIT['5xx'];
const ON_GATEWAY_ERROR = RETRY_ON_BIT['gateway-error'];
const ON_RESET = RETRY_ON_BIT.reset;
const ON_CONNECT_FAILURE = RETRY_ON_BIT['connect-failure'];
const ON_REFUSED_STREAM = RETRY_ON_BIT['refused-stream'];
const ON_RETRIABLE_4XX = RETRY_ON_BIT['retriable-4xx'];
const ON_STATUS_CODES = RETRY_ON_BIT['retriable-status-codes'];

/**
 * A transport failure that can be retried: the connection never opened, it broke before
 * the response headers, or the attempt ran past `perTryTimeout`.
 */
export type RetriableFailure = 'connect-failure' | 'reset' | 'per-try-timeout';

/** Methods whose repetition has the effect of one request (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Does this upstream status satisfy the route's retryOn conditions? */
export function isRetriableStatus(retry: CompiledRetry, status: number): boolean {
  const on = retry.on;
  if (status >= 500 && (on & ON_5XX) !== 0) return true;
  if ((status === 502 || status === 503 || status === 504) && (on & ON_GATEWAY_ERROR) !== 0) return true;
  if (status === 409 && (on & ON_RETRIABLE_4XX) !== 0) return true;
  return (on & ON_STATUS_CODES) !== 0 && retry.statusCodes.has(status);
}

/**
 * Does this failure satisfy the route's retryOn conditions? As in Envoy, a failure before the
 * response headers (a refused or broken connection, a per-try timeout) counts as the 502/504
 * it becomes: `5xx`, `gateway-error` and `reset` retry all of them. `connect-failure` retries
 * only a connection that never opened, and so does `refused-stream`: HTTP/2's "not processed",
 * which on our HTTP/1.1 upstreams is a refused connection. A per-try timeout is not a connect
 * failure (Envoy's rule), so `retryOn: connect-failure` alone does not retry it.
 */
export function isRetriableFailure(retry: CompiledRetry, kind: RetriableFailure | undefined): boolean {
  if (kind === undefined) return false;
  if ((retry.on & (ON_5XX | ON_GATEWAY_ERROR | ON_RESET)) !== 0) return true;
  return kind === 'connect-failure' && (retry.on & (ON_CONNECT_FAILURE | ON_REFUSED_STREAM)) !== 0;
}

/** Only idempotent methods are retried unless the route opts in: a retried POST can apply a write twice. */
export function mayRetryMethod(retry: CompiledRetry, method: string | undefined): boolean {
  return retry.nonIdempotent || (method !== undefined && IDEMPOTENT_METHODS.has(method));
}

export function retryBackoffMs(retryNumber: number): number {
  const ceiling = Math.min(RETRY_MAX_BACKOFF_MS, RETRY_BASE_MS * 2 ** (retryNumber - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
