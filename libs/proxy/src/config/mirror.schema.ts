import { s, type Infer } from '@mirrormesh/schema';
import { compareSchema } from './compare.schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { boundedDuration, headerName, method, percentage } from './schema-primitives';

/**
 * A route's mirrors are bounded: each one is its own exchange per request, and on a streamed
 * body its own tee listening on the request; 8 keeps those listeners, with live's, within
 * Node's default of 10 per event. Istio sets no limit.
 */
export const MAX_MIRRORS_PER_ROUTE = 8;

/** A copy holds its request's body and a connection while it waits: it is never kept longer than this. */
export const MAX_MIRROR_TIMEOUT = '10m';

/** Where a copy goes, and how it is made and bounded: shared by `mirror` and each of `mirrors`. */
const mirrorShape = {
  cluster: s.string({ minLength: 1 }),
  shadowHostSuffix: s.boolean().default(true),
  forwardCredentials: s.boolean().default(PROXY_DEFAULTS.mirrorForwardCredentials),
  headers: s
    .object({
      request: s.object({
        set: s.record(s.string(), headerName).optional(),
        add: s.record(s.string(), headerName).optional(),
        remove: s.array(headerName).optional(),
      }),
    })
    .optional(),
  methods: s.array(method, { minItems: 1 }).optional(),
  maxBodyBytes: s.integer({ min: 0, max: 64 * 1024 * 1024 }).default(PROXY_DEFAULTS.mirrorMaxBodyBytes),
  timeout: boundedDuration(MAX_MIRROR_TIMEOUT).default(PROXY_DEFAULTS.mirrorTimeout),
  compare: compareSchema.optional(),
};

/** `routes[].mirror`: the one-mirror shorthand; its share is the route's `mirrorPercentage`. */
export const mirrorSchema = s.object(mirrorShape);

/** One of `routes[].mirrors` (Istio's HTTPMirrorPolicy): a mirror with its own share, drawn on its own. */
export const mirrorPolicySchema = s.object({
  ...mirrorShape,
  percentage: percentage.default({ value: PROXY_DEFAULTS.mirrorPercentage }),
});

export type MirrorConfig = Infer<typeof mirrorSchema>;
export type MirrorPolicyConfig = Infer<typeof mirrorPolicySchema>;
