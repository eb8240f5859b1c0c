import { s, type Infer } from '@mirrormesh/schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { boundedDuration, endpoint, name } from './schema-primitives';

/** undici reads a connect timeout of 0 as none: a connect is always bounded. */
const MAX_CONNECT_TIMEOUT = '5m';
const MAX_IDLE_TIMEOUT = '1h';

export const LOAD_BALANCERS = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM'] as const;
export type LoadBalancerKind = (typeof LOAD_BALANCERS)[number];

const TCP_DEFAULTS = { maxConnections: PROXY_DEFAULTS.connections, connectTimeout: PROXY_DEFAULTS.connectTimeout };
const HTTP_DEFAULTS = {
  http1MaxPendingRequests: PROXY_DEFAULTS.http1MaxPendingRequests,
  maxRequestsPerConnection: PROXY_DEFAULTS.maxRequestsPerConnection,
  idleTimeout: PROXY_DEFAULTS.keepAliveTimeout,
};

/** Istio's ConnectionPoolSettings; every limit applies per endpoint (Istio: per upstream host). */
export const connectionPoolSchema = s.object({
  tcp: s
    .object({
      maxConnections: s.integer({ min: 1, max: 1024 }).default(TCP_DEFAULTS.maxConnections),
      connectTimeout: boundedDuration(MAX_CONNECT_TIMEOUT).default(TCP_DEFAULTS.connectTimeout),
    })
    .default(TCP_DEFAULTS),
  http: s
    .object({
      http1MaxPendingRequests: s.integer({ min: 1, max: 100_000 }).default(HTTP_DEFAULTS.http1MaxPendingRequests),
      maxRequestsPerConnection: s
        .integer({ min: 0, max: 1_000_000 })
        .describe('0 = unlimited.')
        .default(HTTP_DEFAULTS.maxRequestsPerConnection),
      idleTimeout: boundedDuration(MAX_IDLE_TIMEOUT).default(HTTP_DEFAULTS.idleTimeout),
    })
    .default(HTTP_DEFAULTS),
});

/** Istio's OutlierDetection (Envoy's consecutive 5xx and gateway-failure detectors). */
export const outlierDetectionSchema = s.object({
  consecutive5xxErrors: s
    .integer({ min: 0, max: 1000 })
    .describe('0 = this detector off.')
    .default(PROXY_DEFAULTS.outlierConsecutive5xxErrors),
  consecutiveGatewayErrors: s
    .integer({ min: 0, max: 1000 })
    .describe('0 = this detector off.')
    .default(PROXY_DEFAULTS.outlierConsecutiveGatewayErrors),
  interval: boundedDuration('1h').default(PROXY_DEFAULTS.outlierInterval),
  baseEjectionTime: boundedDuration('1h').default(PROXY_DEFAULTS.outlierBaseEjectionTime),
  maxEjectionPercent: s.integer({ min: 0, max: 100 }).default(PROXY_DEFAULTS.outlierMaxEjectionPercent),
});

/** One upstream cluster (Envoy's term) with its DestinationRule traffic policy: pools, outlier detection, balancing. */
export const clusterSchema = s.object({
  name,
  endpoints: s.array(endpoint, { minItems: 1, maxItems: 256 }),
  connectionPool: connectionPoolSchema.default({ tcp: TCP_DEFAULTS, http: HTTP_DEFAULTS }),
  /** Aliases kept from before connectionPool; moved into it when the config loads. */
  connections: s.integer({ min: 1, max: 1024 }).describe('Alias of connectionPool.tcp.maxConnections.').optional(),
  connectTimeout: boundedDuration(MAX_CONNECT_TIMEOUT).describe('Alias of connectionPool.tcp.connectTimeout.').optional(),
  keepAliveTimeout: boundedDuration(MAX_IDLE_TIMEOUT).describe('Alias of connectionPool.http.idleTimeout.').optional(),
  outlierDetection: outlierDetectionSchema.optional(),
  loadBalancer: s
    .object({ simple: s.oneOf(LOAD_BALANCERS).default(PROXY_DEFAULTS.loadBalancer) })
    .default({ simple: PROXY_DEFAULTS.loadBalancer }),
  maxMirrorInflight: s.integer({ min: 1, max: 100_000 }).default(PROXY_DEFAULTS.maxMirrorInflight),
});

export type ClusterConfig = Infer<typeof clusterSchema>;
export type ConnectionPoolConfig = Infer<typeof connectionPoolSchema>;
export type OutlierDetectionConfig = Infer<typeof outlierDetectionSchema>;
