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
} as const;
