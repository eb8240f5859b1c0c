import { s, type Infer } from '@mirrormesh/schema';
import { headersSchema } from './header-operations.schema';
import { matchSchema } from './match.schema';
import { MAX_MIRRORS_PER_ROUTE, mirrorPolicySchema, mirrorSchema } from './mirror.schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { retriesSchema } from './retries.schema';
import { redirectSchema, regexRewriteSchema, rewriteSchema } from './rewrite.schema';
import { boundedDuration, duration, name, percentage } from './schema-primitives';
import { websocketSchema } from './websocket.schema';

/** The longest route timeout: long polls and large downloads fit; a request is never unbounded. */
export const MAX_ROUTE_TIMEOUT = '1h';

/** One Istio HTTPRoute: what it matches, where it sends, its mirrors, timeout, retries, faults and WebSocket upgrades. */
export const routeSchema = s.object({
  name,
  match: s.array(matchSchema, { minItems: 1 }).optional(),
  route: s
    .array(
      s.object({
        destination: s.object({ cluster: s.string({ minLength: 1 }) }),
        weight: s.integer({ min: 0, max: 100 }).optional(),
        headers: headersSchema.optional(),
      }),
      { minItems: 1 },
    )
    .optional(),
  redirect: redirectSchema.optional(),
  rewrite: rewriteSchema.optional(),
  uriRegexRewrite: regexRewriteSchema.optional(),
  headers: headersSchema.optional(),
  mirror: mirrorSchema.optional(),
  mirrorPercentage: percentage.optional(),
  mirrors: s.array(mirrorPolicySchema, { minItems: 1, maxItems: MAX_MIRRORS_PER_ROUTE }).optional(),
  timeout: boundedDuration(MAX_ROUTE_TIMEOUT).default(PROXY_DEFAULTS.routeTimeout),
  retries: retriesSchema.optional(),
  fault: s
    .object({
      delay: s.object({ percentage, fixedDelay: duration }).optional(),
      abort: s.object({ percentage, httpStatus: s.integer({ min: 200, max: 599 }) }).optional(),
    })
    .optional(),
  websocket: websocketSchema.optional(),
});

export type RouteConfig = Infer<typeof routeSchema>;
