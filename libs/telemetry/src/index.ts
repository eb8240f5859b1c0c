export { startTelemetry, type StartTelemetryOptions } from './start-telemetry';
export { type Telemetry, type RequestRecord, type DependencyRecord } from './telemetry';
export { disabledTelemetry } from './disabled-telemetry';
export { REQUEST_ID_DIMENSION } from './app-insights-telemetry';
export { telemetryRequestListener, type CompletedRequestLike, UNMATCHED_ROUTE } from './request-recorder';
export {
  subscribeMirrorExchanges,
  MIRROR_EXCHANGE_CHANNEL,
  MIRROR_DIMENSION,
  DIFF_RESULT_DIMENSION,
  DIFF_PATHS_DIMENSION,
  NOISE_REFERENCE_DIMENSION,
  type MirrorExchangeEvent,
  type MirrorDiffOutcome,
  type MirrorSubscriberOptions,
} from './mirror-exchange-subscriber';
export { readTelemetryEnv, telemetryEnvShape, type TelemetryEnv } from './telemetry-env';
export { parseConnectionString, type ConnectionStringParts } from './connection-string';
export { DEFAULT_EXPORT_QUEUE_SIZE, DEFAULT_EXPORT_BATCH_SIZE, DEFAULT_EXPORT_DELAY_MS } from './export-queue-defaults';
export { TelemetryError, TelemetryConfigError } from './errors';
