import { s } from '@mirrormesh/schema';
import { DURATION_PATTERN, DURATION_RULE, durationToMs } from './duration';

/** The small schemas the config's parts share: names, durations, endpoints, header names. */
export const duration = s.string({ pattern: DURATION_PATTERN, patternRule: DURATION_RULE });

/**
 * A duration above zero and at most `max`: a zero interval or ejection time would mean nothing,
 * and a zero timeout does not turn a timeout off here (Envoy's "0s" does): every wait is bounded.
 */
export const boundedDuration = (max: string) =>
  duration
    .refine((d) => {
      const ms = durationToMs(d);
      return ms > 0 && ms <= durationToMs(max) ? undefined : `must be above 0 and at most "${max}"`;
    })
    .describe(`Above 0, at most "${max}".`);
export const name = s.string({
  minLength: 1,
  maxLength: 128,
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  patternRule: 'must be a name of letters, digits, ".", "_" or "-"',
});
export const host = s.string({ minLength: 1, maxLength: 253 });
export const port = s.integer({ min: 0, max: 65535 });
export const endpoint = s
  .string({ pattern: /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/, patternRule: 'must be host:port, e.g. "127.0.0.1:8081"' })
  .refine((ep) => {
    const p = Number(ep.slice(ep.lastIndexOf(':') + 1));
    return p >= 1 && p <= 65535 ? undefined : 'must have a port between 1 and 65535';
  });
export const percentage = s.object({ value: s.number({ min: 0, max: 100 }) });
export const headerName = s.string({ pattern: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, patternRule: 'must be an HTTP header name' });
export const method = s.string({ pattern: /^[A-Z]+$/, patternRule: 'must be an HTTP method in capitals, e.g. "GET"' });
