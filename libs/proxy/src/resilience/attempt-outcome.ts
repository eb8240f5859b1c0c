import { classifyUpstreamError } from '../forwarding/upstream-failure';

/** What one attempt tells the outlier detector about its endpoint. */
export type AttemptKind = 'success' | 'error5xx' | 'gateway';

/**
 * An attempt's result as Envoy's detector sees it over HTTP (local-origin errors not split):
 * a 502/503/504 is a gateway error, other 5xx an error, anything else a success; a failure
 * with no answer (refused, reset, connect or answer timeout) counts as a gateway error.
 * Failures that are not the endpoint's (client gone, client too slow, proxy closing) tell
 * nothing: undefined.
 */
export function attemptKind(outcome: number | Error): AttemptKind | undefined {
  if (typeof outcome === 'number') {
    if (outcome < 500) return 'success';
    return outcome === 502 || outcome === 503 || outcome === 504 ? 'gateway' : 'error5xx';
  }
  const failure = classifyUpstreamError(outcome);
  return failure.retryOn !== undefined || failure.code === 'UPSTREAM_TIMEOUT' ? 'gateway' : undefined;
}
