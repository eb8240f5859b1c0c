import { s, type Infer } from '@mirrormesh/schema';
import { PATH_NORMALIZATIONS } from '../routing/normalize-path';
import { DURATION_PATTERN, DURATION_RULE, durationToMs } from './duration';
import { stringMatchSchema } from './string-match.schema';

/** Named, bounded defaults: nothing in the proxy grows without a limit. */
export const PROXY_DEFAULTS = {
  listenerHost: '0.0.0.0',
  listenerPort: 15001,
  adminHost: '127.0.0.1',
  adminPort: 15000,
  /** Upstream connections per endpoint (one undici Pool each). */
  connections: 64,
  connectTimeout: '5s',
  keepAliveTimeout: '4s',
  /** Mirror requests in flight per mirror cluster; over it a copy is dropped and counted. */
  maxMirrorInflight: 1000,
  /** How long a client may take to send its request headers (answered 408 past it). */
  requestHeadersTimeout: '10s',
  /** How long a request body may stall between two chunks (answered 408 past it). */
  requestBodyIdleTimeout: '10s',
  /** A request body up to this size is read whole before an upstream connection is taken. */
  requestBufferBytes: 64 * 1024,
  /** Request bodies read ahead across all requests; past it bodies stream as they arrive. */
  requestBufferTotalBytes: 32 * 1024 * 1024,
  /** Request body bytes held by mirror copies across the proxy; past it a copy is dropped (`buffer_budget`). */
  mirrorBufferBytes: 64 * 1024 * 1024,
  /** Envoy's default route timeout: bounds the whole exchange, upload and time queued for a connection included. */
  routeTimeout: '15s',
  mirrorTimeout: '10s',
  /** A candidate is unreleased code: the copy goes without the user's credentials unless the route says so. */
  mirrorForwardCredentials: false,
  mirrorMaxBodyBytes: 1024 * 1024,
  retryOn: 'connect-failure,refused-stream,reset,gateway-error',
  /** Istio's default is BASE; ours also merges slashes, so `//internal` cannot pass a route on `/internal`. */
  pathNormalization: 'MERGE_SLASHES',
} as const;

const duration = s.string({ pattern: DURATION_PATTERN, patternRule: DURATION_RULE });
const name = s.string({
  minLength: 1,
  maxLength: 128,
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  patternRule: 'must be a name of letters, digits, ".", "_" or "-"',
});
const host = s.string({ minLength: 1, maxLength: 253 });
const port = s.integer({ min: 0, max: 65535 });
const endpoint = s
  .string({ pattern: /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/, patternRule: 'must be host:port, e.g. "127.0.0.1:8081"' })
  .refine((ep) => {
    const p = Number(ep.slice(ep.lastIndexOf(':') + 1));
    return p >= 1 && p <= 65535 ? undefined : 'must have a port between 1 and 65535';
  });
const percentage = s.object({ value: s.number({ min: 0, max: 100 }) });
const headerName = s.string({ pattern: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, patternRule: 'must be an HTTP header name' });
const method = s.string({ pattern: /^[A-Z]+$/, patternRule: 'must be an HTTP method in capitals, e.g. "GET"' });
export const RETRY_ON = ['5xx', 'gateway-error', 'connect-failure', 'refused-stream', 'reset', 'retriable-4xx'] as const;
const retryOn = s
  .string()
  .describe(`Comma-separated list of: ${RETRY_ON.join(', ')}.`)
  .refine((list) => {
    const bad = list
      .split(',')
      .map((t) => t.trim())
      .filter((t) => !(RETRY_ON as readonly string[]).includes(t));
    return bad.length === 0 ? undefined : `must be a comma-separated list of ${RETRY_ON.join(', ')} (unknown: ${bad.join(', ')})`;
  });

const clusterSchema = s.object({
  name,
  endpoints: s.array(endpoint, { minItems: 1, maxItems: 256 }),
  connections: s.integer({ min: 1, max: 1024 }).default(PROXY_DEFAULTS.connections),
  connectTimeout: duration.default(PROXY_DEFAULTS.connectTimeout),
  keepAliveTimeout: duration.default(PROXY_DEFAULTS.keepAliveTimeout),
  maxMirrorInflight: s.integer({ min: 1, max: 100_000 }).default(PROXY_DEFAULTS.maxMirrorInflight),
});

const matchSchema = s.object({
  uri: stringMatchSchema.optional(),
  headers: s.record(stringMatchSchema, headerName).optional(),
  method: stringMatchSchema.optional(),
});

const mirrorSchema = s.object({
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
  timeout: duration.default(PROXY_DEFAULTS.mirrorTimeout),
});

const routeSchema = s.object({
  name,
  match: s.array(matchSchema, { minItems: 1 }).optional(),
  route: s.array(
    s.object({ destination: s.object({ cluster: s.string({ minLength: 1 }) }), weight: s.integer({ min: 0, max: 100 }).optional() }),
    { minItems: 1 },
  ),
  mirror: mirrorSchema.optional(),
  mirrorPercentage: percentage.optional(),
  timeout: duration.default(PROXY_DEFAULTS.routeTimeout),
  retries: s
    .object({
      attempts: s.integer({ min: 0, max: 10 }),
      perTryTimeout: duration.optional(),
      retryOn: retryOn.default(PROXY_DEFAULTS.retryOn),
    })
    .optional(),
  fault: s
    .object({
      delay: s.object({ percentage, fixedDelay: duration }).optional(),
      abort: s.object({ percentage, httpStatus: s.integer({ min: 200, max: 599 }) }).optional(),
    })
    .optional(),
});

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
};

const MiB = 1024 * 1024;

/** What the schema checks beyond its shape (parseProxyConfig), for the published JSON Schema. */
export const PROXY_CONFIG_RULES = [
  'The mirrormesh sidecar configuration (Envoy clusters, Istio HTTP routes). Also checked when it loads, and not said by this JSON Schema:',
  'every routes[].route[].destination.cluster and routes[].mirror.cluster names a cluster in clusters[];',
  'cluster names and route names are unique;',
  'a route with several destinations gives each a weight, and the weights add up to 100;',
  'each string match (uri, method, headers.<name>) sets exactly one of exact, prefix, regex, and a regex compiles;',
  'an endpoint port is between 1 and 65535;',
  'listener.requestHeadersTimeout is at most "5m".',
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
});

/** The validated configuration, defaults applied; durations stay strings as written. */
export type ProxyConfig = Infer<typeof proxyConfigSchema>;
export type ClusterConfig = ProxyConfig['clusters'][number];
export type RouteConfig = ProxyConfig['routes'][number];
export type MirrorConfig = NonNullable<RouteConfig['mirror']>;
export type StringMatch = Infer<typeof stringMatchSchema>;
