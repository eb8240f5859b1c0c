import { s, type Infer } from '@mirrormesh/schema';
import { validateComparePath } from '../diff/compare-rules';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { name, percentage } from './schema-primitives';

/** A body larger than this is never held for a comparison: compared on status and headers only. */
export const MAX_COMPARE_BODY_BYTES = 1024 * 1024;
/** Bounds the rules compiled for one mirror: each is matched against every differing path. */
export const MAX_COMPARE_RULES = 256;

/** An `ignore` or `redact` entry: a body JSON path (`$…`) or a header name; refused with the rule it breaks. */
const comparePath = s
  .string({ minLength: 1, maxLength: 512 })
  .refine((entry) => validateComparePath(entry))
  .describe('A header name, or a body JSON path starting with "$": $.a.b, $.list[0], $.list[*].id, $["odd key"].');

const NOISE_DEFAULTS = { percentage: { value: PROXY_DEFAULTS.compareNoisePercentage } };

/**
 * `mirror.compare` (and each `mirrors[].compare`): the shadow diff. Each compared copy's answer
 * is diffed against the live answer; with `noise`, a share of compared requests also goes to a
 * second instance of the live version, whose differences from live are the noise (Diffy's rule).
 */
export const compareSchema = s.object({
  enabled: s.boolean().default(PROXY_DEFAULTS.compareEnabled),
  maxBodyBytes: s.integer({ min: 0, max: MAX_COMPARE_BODY_BYTES }).default(PROXY_DEFAULTS.compareMaxBodyBytes),
  ignore: s.array(comparePath, { maxItems: MAX_COMPARE_RULES }).default([]),
  redact: s.array(comparePath, { maxItems: MAX_COMPARE_RULES }).default([]),
  noise: s
    .object({
      cluster: name.describe('A second instance of the live version; must name a cluster in clusters[].'),
      percentage: percentage.default(NOISE_DEFAULTS.percentage),
    })
    .optional(),
});

export type CompareConfig = Infer<typeof compareSchema>;
