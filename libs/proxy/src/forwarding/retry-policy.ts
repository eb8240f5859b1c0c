import { type CompiledRetry } from '../config/compiled-config';

/** Envoy's retry back-off: 25 ms base, doubled per retry, jittered, capped. */
const RETRY_BASE_MS = 25;
const RETRY_MAX_BACKOFF_MS = 250;

/** Does this upstream status satisfy the route's retryOn conditions? */
export function isRetriableStatus(retry: CompiledRetry, status: number): boolean {
  if (status >= 500 && retry.on.has('5xx')) return true;
  if ((status === 502 || status === 503 || status === 504) && retry.on.has('gateway-error')) return true;
  return status === 409 && retry.on.has('retriable-4xx');
}

/** Does this transport failure kind satisfy the route's retryOn conditions? */
export function isRetriableFailure(retry: CompiledRetry, kind: 'connect-failure' | 'reset' | undefined): boolean {
  if (kind === undefined) return false;
  if (kind === 'connect-failure') return retry.on.has('connect-failure') || retry.on.has('refused-stream');
  return retry.on.has('reset');
}

export function retryBackoffMs(retryNumber: number): number {
  const ceiling = Math.min(RETRY_MAX_BACKOFF_MS, RETRY_BASE_MS * 2 ** (retryNumber - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
