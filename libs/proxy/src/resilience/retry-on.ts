/**
 * Envoy's `retry_on` conditions as Istio passes them in `retries.retryOn`. Istio also takes
 * bare status codes in the list (`"connect-failure,503"`): it hands them to Envoy as
 * `retriable_status_codes` and adds `retriable-status-codes`; so do we.
 */
export const RETRY_ON = [
  '5xx',
  'gateway-error',
  'reset',
  'connect-failure',
  'refused-stream',
  'retriable-4xx',
  'retriable-status-codes',
] as const;

export type RetryOnCondition = (typeof RETRY_ON)[number];

/** One bit per condition: the request path tests a bit, never a string. */
export const RETRY_ON_BIT: Readonly<Record<RetryOnCondition, number>> = {
  '5xx': 1,
  'gateway-error': 2,
  reset: 4,
  'connect-failure': 8,
  'refused-stream': 16,
  'retriable-4xx': 32,
  'retriable-status-codes': 64,
};

/** A retryOn list, parsed: the conditions as bits and the retriable status codes. */
export interface RetryConditions {
  readonly bits: number;
  readonly statusCodes: ReadonlySet<number>;
}

/** A final status a retry can be asked for: Istio passes any number, an interim 1xx is never an answer. */
const MIN_STATUS = 200;
const MAX_STATUS = 599;

export const RETRY_ON_RULE = `must be a comma-separated list of ${RETRY_ON.join(', ')} or status codes (${MIN_STATUS}–${MAX_STATUS})`;

/** Parses a retryOn list; a string is the rule it broke, naming the token. */
export function parseRetryOn(list: string): RetryConditions | string {
  let bits = 0;
  const statusCodes = new Set<number>();
  const unknown: string[] = [];
  for (const raw of list.split(',')) {
    const token = raw.trim();
    if (/^\d+$/.test(token)) {
      const code = Number(token);
      if (code < MIN_STATUS || code > MAX_STATUS) return `${RETRY_ON_RULE} (status code out of range: ${token})`;
      statusCodes.add(code);
      bits |= RETRY_ON_BIT['retriable-status-codes'];
    } else if (Object.hasOwn(RETRY_ON_BIT, token)) bits |= RETRY_ON_BIT[token as RetryOnCondition];
    else unknown.push(token === '' ? '""' : token);
  }
  if (unknown.length > 0) return `${RETRY_ON_RULE} (unknown: ${unknown.join(', ')})`;
  if ((bits & RETRY_ON_BIT['retriable-status-codes']) !== 0 && statusCodes.size === 0)
    return 'lists retriable-status-codes but no status code: add the codes to the list, e.g. "retriable-status-codes,503"';
  return { bits, statusCodes };
}
