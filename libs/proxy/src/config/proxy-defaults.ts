/** Named, bounded defaults: nothing in the proxy grows without a limit. */
export const PROXY_DEFAULTS = {
  listenerHost: '0.0.0.0',
  listenerPort: 15001,
  adminHost: '127.0.0.1',
  adminPort: 15000,
  /** connectionPool.tcp.maxConnections: upstream connections per endpoint (one undici Pool each); Istio's default is unbounded. */
  connections: 64,
  /** connectionPool.tcp.connectTimeout; Istio's default is 10s. */
  connectTimeout: '5s',
  /** connectionPool.http.idleTimeout; below Node's 5 s server keep-alive so we close first (Istio's default is 1h). */
  keepAliveTimeout: '4s',
  /** connectionPool.http.http1MaxPendingRequests per endpoint: Envoy's default (Istio leaves it unbounded). */
  http1MaxPendingRequests: 1024,
  /** connectionPool.http.maxRequestsPerConnection: 0 = unlimited (Istio's default). */
  maxRequestsPerConnection: 0,
  /** outlierDetection defaults, Istio's: 5 consecutive 5xx, gateway detector off, 10s, 30s, 10 %. */
  outlierConsecutive5xxErrors: 5,
  outlierConsecutiveGatewayErrors: 0,
  outlierInterval: '10s',
  outlierBaseEjectionTime: '30s',
  outlierMaxEjectionPercent: 10,
  /** An ejection lasts baseEjectionTime × ejections, at most this or baseEjectionTime if longer (Envoy's max_ejection_time). */
  outlierMaxEjectionTime: '300s',
  loadBalancer: 'ROUND_ROBIN',
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
  /** WebSocket connections (handshaking or upgraded) across the proxy, each holding two sockets; past it 503. */
  websocketConnections: 10_000,
  /** Envoy's default route timeout: bounds the whole exchange, upload and time queued for a connection included. */
  routeTimeout: '15s',
  mirrorTimeout: '10s',
  /** Istio's: a mirror without a percentage gets every request (of `mirrors[]`, and `mirror` without `mirrorPercentage`). */
  mirrorPercentage: 100,
  /** A candidate is unreleased code: the copy goes without the user's credentials unless the route says so. */
  mirrorForwardCredentials: false,
  mirrorMaxBodyBytes: 1024 * 1024,
  /** Shadow diff is opt-in per mirror: capturing answers costs memory and CPU. */
  compareEnabled: false,
  /** Answer bodies (live, candidate, noise) held per comparison up to this size; beyond, status and headers only. */
  compareMaxBodyBytes: 64 * 1024,
  /** Diffy sends every compared request to the second live instance too. */
  compareNoisePercentage: 100,
  /** Comparisons waiting for their answers across the proxy; past it a comparison is dropped (`pending-full`). */
  diffPendingComparisons: 1000,
  /** Answer bytes held by waiting comparisons across the proxy; past it a comparison is dropped (`bytes-full`). */
  diffPendingBytes: 32 * 1024 * 1024,
  /** How long a comparison waits past its mirror's timeout for the last answer (the live one may still stream). */
  diffGraceMs: 1000,
  /** Istio's default retryOn. */
  retryOn: 'connect-failure,refused-stream,reset,gateway-error',
  /** Bound on retries.attempts: each retry is another request to a cluster that is already failing. */
  maxRetryAttempts: 10,
  /**
   * Istio and Envoy retry any method; we retry only idempotent ones (RFC 9110 §9.2.2) unless a
   * route opts in: a retried POST can apply a user's write twice.
   */
  retryNonIdempotent: false,
  /** Istio's default is BASE; ours also merges slashes, so `//internal` cannot pass a route on `/internal`. */
  pathNormalization: 'MERGE_SLASHES',
  /** Istio's HTTPRedirect default: 301 Moved Permanently. */
  redirectCode: 301,
  /** Admin API request bodies (PUT /config, PUT /routes/<name>/weights); past it 413. Config files have the same bound. */
  adminMaxBodyBytes: 1024 * 1024,
  /**
   * Istio metrics are reported as the destination side (Istio's server sidecar): the sidecar is the only
   * proxy in front of its clusters, and Flagger's and Kiali's queries select `reporter="destination"`.
   */
  istioReporter: 'destination',
  istioNamespace: 'default',
  /** Istio's value for a label it cannot know. */
  istioUnknown: 'unknown',
  /** Istio lets WebSocket upgrades through by default (Envoy needs upgrade_configs). */
  websocketEnabled: true,
  /** Envoy's stream idle timeout: an upgraded connection with no byte either way for this long is closed. */
  websocketIdleTimeout: '5m',
} as const;
