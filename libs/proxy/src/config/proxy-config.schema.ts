import { s, type Infer } from '@mirrormesh/schema';
import { PATH_NORMALIZATIONS } from '../routing/normalize-path';
import { clusterSchema } from './cluster.schema';
import { durationToMs } from './duration';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { routeSchema } from './route.schema';
import { duration, host, port } from './schema-primitives';
import { stringMatchSchema } from './string-match.schema';
import { TELEMETRY_DEFAULTS, telemetrySchema } from './telemetry.schema';

export { PROXY_DEFAULTS } from './proxy-defaults';
export { RETRY_ON } from '../resilience/retry-on';
export { type RetriesConfig } from './retries.schema';
export { type ClusterConfig } from './cluster.schema';
export { type MirrorConfig, type MirrorPolicyConfig, MAX_MIRRORS_PER_ROUTE } from './mirror.schema';
export { type CompareConfig, MAX_COMPARE_BODY_BYTES } from './compare.schema';
export { type RouteConfig } from './route.schema';
export { type TelemetryConfig, type IstioMetricsConfig } from './telemetry.schema';

const LISTENER_DEFAULTS = {
  host: PROXY_DEFAULTS.listenerHost,
  port: PROXY_DEFAULTS.listenerPort,
  requestHeadersTimeout: PROXY_DEFAULTS.requestHeadersTimeout,
  requestBodyIdleTimeout: PROXY_DEFAULTS.requestBodyIdleTimeout,
};

const LIMITS_DEFAULTS = {
  requestBufferBytes: PROXY_DEFAULTS.requestBufferBytes,
  requestBufferTotalBytes: PROXY_DEFAULTS.requestBufferTotalBytes,
  mirrorBufferBytes: PROXY_DEFAULTS.mirrorBufferBytes,
  websocketConnections: PROXY_DEFAULTS.websocketConnections,
  diffPendingComparisons: PROXY_DEFAULTS.diffPendingComparisons,
  diffPendingBytes: PROXY_DEFAULTS.diffPendingBytes,
};

const MiB = 1024 * 1024;

/** What the schema checks beyond its shape (parseProxyConfig), for the published JSON Schema. */
export const PROXY_CONFIG_RULES = [
  'The mirrormesh sidecar configuration (Envoy clusters, Istio HTTP routes). Also checked when it loads, and not said by this JSON Schema:',
  'every routes[].route[].destination.cluster, routes[].mirror.cluster and routes[].mirrors[].cluster names a cluster in clusters[];',
  'a route gives mirror (with mirrorPercentage) or mirrors, not both, and names a cluster at most once in its mirrors;',
  'each compare.noise.cluster names a cluster in clusters[] other than its mirror\'s cluster; compare.ignore and compare.redact entries starting with "$" are JSON paths ($.a.b, [0], [*], ["odd key"]);',
  'cluster names and route names are unique;',
  'a route with several destinations gives each a weight, and the weights add up to 100;',
  'each string match (uri, method, authority, queryParams.<name>) sets exactly one of exact, prefix, regex; a header match (headers.<name>, withoutHeaders.<name>) at most one, {} meaning "present"; a regex compiles;',
  'a route has either route or redirect, never both; beside redirect, rewrite, uriRegexRewrite, mirror, retries and headers.request are refused; rewrite.uri and uriRegexRewrite exclude each other;',
  'header operations may not name host (use rewrite.authority), content-length, hop-by-hop headers, nor (request) x-request-id;',
  'an endpoint port is between 1 and 65535;',
  "a route's retries.perTryTimeout is at most its timeout;",
  'listener.requestHeadersTimeout is at most "5m";',
  'a cluster gives connections, connectTimeout or keepAliveTimeout (aliases) or their connectionPool key, not both;',
  'an outlierDetection sets consecutive5xxErrors or consecutiveGatewayErrors above 0;',
  'every key of telemetry.istioMetrics.destinations names a cluster, and no mirror cluster (nor compare.noise.cluster) has the Istio workload of a live cluster.',
].join(' ');

export const proxyConfigSchema = s.object({
  listener: s
    .object({
      host: host.default(LISTENER_DEFAULTS.host),
      port: port.default(LISTENER_DEFAULTS.port),
      // Node refuses a headers timeout longer than its whole-request timeout (5 min).
      requestHeadersTimeout: duration
        .refine((d) => (durationToMs(d) <= 300_000 ? undefined : 'must be at most "5m"'))
        .describe('At most "5m".')
        .default(LISTENER_DEFAULTS.requestHeadersTimeout),
      requestBodyIdleTimeout: duration.default(LISTENER_DEFAULTS.requestBodyIdleTimeout),
    })
    .default(LISTENER_DEFAULTS),
  limits: s
    .object({
      requestBufferBytes: s.integer({ min: 0, max: 16 * MiB }).default(LIMITS_DEFAULTS.requestBufferBytes),
      requestBufferTotalBytes: s.integer({ min: 0, max: 4096 * MiB }).default(LIMITS_DEFAULTS.requestBufferTotalBytes),
      mirrorBufferBytes: s.integer({ min: 0, max: 4096 * MiB }).default(LIMITS_DEFAULTS.mirrorBufferBytes),
      websocketConnections: s.integer({ min: 0, max: 1_000_000 }).default(LIMITS_DEFAULTS.websocketConnections),
      diffPendingComparisons: s.integer({ min: 0, max: 100_000 }).default(LIMITS_DEFAULTS.diffPendingComparisons),
      diffPendingBytes: s.integer({ min: 0, max: 4096 * MiB }).default(LIMITS_DEFAULTS.diffPendingBytes),
    })
    .default(LIMITS_DEFAULTS),
  admin: s
    .object({ host: host.default(PROXY_DEFAULTS.adminHost), port: port.default(PROXY_DEFAULTS.adminPort) })
    .default({ host: PROXY_DEFAULTS.adminHost, port: PROXY_DEFAULTS.adminPort }),
  clusters: s.array(clusterSchema, { minItems: 1 }),
  routes: s.array(routeSchema, { minItems: 1 }),
  pathNormalization: s
    .object({ normalization: s.oneOf(PATH_NORMALIZATIONS).default(PROXY_DEFAULTS.pathNormalization) })
    .default({ normalization: PROXY_DEFAULTS.pathNormalization }),
  telemetry: telemetrySchema.default(TELEMETRY_DEFAULTS),
});

/** The validated configuration, defaults applied; durations stay strings as written. */
export type ProxyConfig = Infer<typeof proxyConfigSchema>;
export type StringMatch = Infer<typeof stringMatchSchema>;
