import { hostname } from 'node:os';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { TelemetryClient } from 'applicationinsights';
import { DEFAULT_EXPORT_BATCH_SIZE, DEFAULT_EXPORT_DELAY_MS, DEFAULT_EXPORT_QUEUE_SIZE } from './export-queue-defaults';

export interface SdkClientOptions {
  readonly connectionString: string;
  readonly roleName: string;
  readonly liveMetrics: boolean;
  readonly statsbeat: boolean;
  /** The only CA (PEM) trusted for the ingestion endpoint, instead of Node's roots. */
  readonly ingestionCaPem?: string;
  /** Where the SDK keeps items it could not send yet (retried later); the SDK's temp folder when unset. */
  readonly storageDirectory?: string;
}

/**
 * Builds an Application Insights TelemetryClient configured for explicit tracking:
 * 100 % sampling, no HTTP auto-collection (requests are tracked by route template instead),
 * the cloud role name as the OpenTelemetry service name, live metrics and statsbeat as asked.
 */
export function createSdkClient(options: SdkClientOptions): TelemetryClient {
  // The exporter reads this variable when it is built; an empty value means "enabled".
  process.env['APPLICATION_INSIGHTS_NO_STATSBEAT'] = options.statsbeat ? '' : 'true';

  // Live metrics only exist in the SDK's global (auto-instrumenting) mode; otherwise the client
  // keeps isolated providers so nothing in the process is patched and several clients can coexist.
  const client = new TelemetryClient(options.connectionString, { useGlobalProviders: options.liveMetrics });
  const config = client.config;
  config.samplingPercentage = 100;
  config.enableAutoCollectRequests = false;
  config.enableAutoCollectDependencies = false;
  config.enableAutoCollectPerformance = false;
  config.enableAutoCollectExceptions = false;
  config.enableAutoCollectExternalLoggers = false;
  config.enableAutoCollectConsole = false;
  config.enableAutoCollectPreAggregatedMetrics = false;
  config.enableSendLiveMetrics = options.liveMetrics;
  config.azureMonitorOpenTelemetryOptions = {
    azureMonitorExporterOptions: {
      connectionString: options.connectionString,
      disableOfflineStorage: false,
      ...(options.storageDirectory === undefined ? {} : { storageDirectory: options.storageDirectory }),
      // Only this CA: with Node's ~140 roots added, every new TLS connection would rebuild a large
      // secure context (measured: most of the exporter's CPU time).
      ...(options.ingestionCaPem === undefined ? {} : { tlsOptions: { ca: options.ingestionCaPem } }),
    },
    // The instance is what the exporter would name anyway (the host name), read once here: without
    // it the exporter calls os.hostname() for every item (a tenth of the exporter thread's CPU).
    resource: resourceFromAttributes({ 'service.name': options.roleName, 'service.instance.id': hostname() }),
    // The global distro otherwise rate-limits to 5 traces per second and drops the rest.
    tracesPerSecond: 0,
    samplingRatio: 1,
    enableLiveMetrics: options.liveMetrics,
  };
  withExportQueueDefaults(() => client.initialize());
  return client;
}

/** The SDK builds its batch processor from OTEL_BSP_* variables; apply ours unless the operator set them. */
function withExportQueueDefaults(build: () => void): void {
  const defaults: Record<string, string> = {
    OTEL_BSP_MAX_QUEUE_SIZE: String(DEFAULT_EXPORT_QUEUE_SIZE),
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: String(DEFAULT_EXPORT_BATCH_SIZE),
    OTEL_BSP_SCHEDULE_DELAY: String(DEFAULT_EXPORT_DELAY_MS),
  };
  const applied = Object.keys(defaults).filter((name) => process.env[name] === undefined);
  for (const name of applied) process.env[name] = defaults[name];
  try {
    build();
  } finally {
    for (const name of applied) delete process.env[name];
  }
}
