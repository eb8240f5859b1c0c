export { createProxy } from './create-proxy';
export { DEFAULT_CLOSE_GRACE_MS, type Proxy, type ProxyOptions, type ProxyRuntimeStats } from './proxy';
export { parseProxyConfig } from './config/parse-proxy-config';
export {
  proxyConfigSchema,
  PROXY_DEFAULTS,
  RETRY_ON,
  type ProxyConfig,
  type ClusterConfig,
  type RouteConfig,
  type RetriesConfig,
  type MirrorConfig,
  type MirrorPolicyConfig,
  MAX_MIRRORS_PER_ROUTE,
  type CompareConfig,
  MAX_COMPARE_BODY_BYTES,
  type StringMatch,
  type TelemetryConfig,
  type IstioMetricsConfig,
} from './config/proxy-config.schema';
export { proxyConfigJsonSchema, proxyConfigJsonSchemaText, PROXY_CONFIG_JSON_SCHEMA_FILE } from './config/proxy-config-json-schema';
export { durationToMs } from './config/duration';
export { redactConfig, REDACTED } from './config/redact-config';
export { classifyUpstreamError, type UpstreamFailure } from './forwarding/upstream-failure';
export { sendProblem } from './forwarding/send-problem';
export { checkHostField, isValidHostValue, HOST_FIELD_MESSAGES, type HostFieldProblem } from './routing/host-field';
export { PROXY_CHANNELS, type ExchangeEvent, type MirrorDroppedEvent, type MirrorDropReason } from './observability/channels';
export { type MirrorDiffSummary, type DiffDropReason } from './diff/diff-drop-reason';
export { createProxyStats, type ProxyStats, type ProxyStatsOptions } from './observability/proxy-stats';
export { type UpgradeStatsSnapshot } from './observability/upgrade-stats';
export { type LatencyHistogramsSnapshot, type SparseLatencyHistogram } from './observability/latency-histograms-snapshot';
export { isWebSocketUpgrade } from './websocket/is-websocket-upgrade';
export { type UpgradeEvent, type UpgradeCloseCause } from './websocket/upgrade-channel';
export {
  type StatsSnapshot,
  type CodeCount,
  type DurationSummary,
  type ClusterStats,
  type TrafficStats,
  type LocalStats,
} from './observability/stats-snapshot';
export { type ClusterRetries } from './observability/upstream-retries';
export { DURATION_BUCKETS_SECONDS } from './observability/histogram';
export { createIstioMetrics, ISTIO_DURATION_BUCKETS_MS, type IstioMetrics } from './observability/istio-metrics';
export { createAdminHandler, type AdminHandlerOptions } from './admin/admin-handler';
export { startAdminServer, type AdminServer, type AdminServerOptions } from './admin/admin-server';
export { startProxyAdmin, type ProxyAdminOptions } from './admin/proxy-admin';
export { type AdminWriteOptions, type AdminChange } from './admin/admin-writes';
export { configChanges, restartWarning, type BoundAddresses, type ConfigChanges } from './admin/config-changes';
export { adminWritesExposed, isLoopbackHost } from './admin/loopback-host';
export {
  ProxyError,
  ProxyConfigError,
  ConfigFileError,
  MirrorBodyTooLargeError,
  MirrorTimeoutError,
  RouteTimeoutError,
  PerTryTimeoutError,
  ClientAbortedError,
  AdminRequestError,
  UpstreamOverflowError,
} from './errors';
export { type ClusterPolicyStats } from './transport/upstream-pools';
export { type ClusterPolicySnapshot } from './observability/cluster-policy-metrics';
export { LOAD_BALANCERS, type LoadBalancerKind } from './config/cluster.schema';
export { type CapturedAnswer } from './diff/captured-answer';
export {
  compileCompareRules,
  validateComparePath,
  DEFAULT_COMPARE_RULES,
  DEFAULT_IGNORED_HEADERS,
  DEFAULT_REDACTED_HEADERS,
  type CompareRules,
  type CompareRulesConfig,
} from './diff/compare-rules';
export { formatJsonPath, parseJsonPath, MAX_JSON_PATH_LENGTH, type PathSegment } from './diff/diff-path';
export { type PathCursor } from './diff/path-trie';
export { diffJson, jsonEqual, JSON_DIFF_LIMITS, TRUNCATED_DIFF_TEXT, type JsonDiffOptions } from './diff/json-diff';
export { diffAnswers, isJsonMediaType, TEXT_EXCERPT_CHARS, type AnswerDifference } from './diff/answer-diff';
export {
  DiffAggregator,
  DEFAULT_MAX_DIFF_PATHS,
  DIFF_VERDICT_MAX_PATHS,
  type DiffAggregatorOptions,
  type DiffTargetOptions,
  type DiffVerdict,
} from './diff/diff-aggregator';
export { DIFF_EXAMPLE_LIMITS } from './diff/diff-example';
export { isNoise, NOISE_RULE_DEFAULTS, type NoiseRuleOptions, type NoiseSample } from './diff/noise-rule';
export {
  DIFF_KINDS,
  type JsonValue,
  type DiffKind,
  type DiffReport,
  type DiffPendingReport,
  type DiffDroppedReport,
  type DiffRouteReport,
  type DiffPathReport,
  type DiffNoiseReport,
  type DiffExample,
} from './diff/diff-report';
