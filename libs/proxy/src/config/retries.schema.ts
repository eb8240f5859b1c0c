import { s, type Infer } from '@mirrormesh/schema';
import { parseRetryOn, RETRY_ON } from '../resilience/retry-on';
import { durationToMs } from './duration';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { duration } from './schema-primitives';

/** Envoy's retry_on conditions, or bare status codes (Istio's form); unknown tokens are refused by name. */
const retryOn = s
  .string()
  .describe(`Comma-separated list of: ${RETRY_ON.join(', ')}, or HTTP status codes (retried as retriable-status-codes).`)
  .refine((list) => {
    const parsed = parseRetryOn(list);
    return typeof parsed === 'string' ? parsed : undefined;
  });

/** Istio's HTTPRetry, plus retryNonIdempotent (Istio and Envoy retry every method). */
export const retriesSchema = s.object({
  /** Retries after the first try (Envoy's num_retries); 0 turns retries off. */
  attempts: s.integer({ min: 0, max: PROXY_DEFAULTS.maxRetryAttempts }),
  // Istio: "MUST be >=1ms"; a 0 timer would fail every try at once.
  perTryTimeout: duration
    .refine((d) => (durationToMs(d) >= 1 ? undefined : 'must be at least "1ms"'))
    .describe('At least "1ms", and at most the route\'s timeout.')
    .optional(),
  retryOn: retryOn.default(PROXY_DEFAULTS.retryOn),
  retryNonIdempotent: s
    .boolean()
    .describe('Also retry POST, PATCH, CONNECT and unknown methods; a retried write can be applied twice.')
    .default(PROXY_DEFAULTS.retryNonIdempotent),
});

export type RetriesConfig = Infer<typeof retriesSchema>;
