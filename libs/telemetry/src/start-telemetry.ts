import { disabledTelemetry } from './disabled-telemetry';
import { TelemetryConfigError } from './errors';
import { type Telemetry } from './telemetry';
import { readTelemetryEnv } from './telemetry-env';
import { ThreadedTelemetry } from './worker/threaded-telemetry';

export interface StartTelemetryOptions {
  /** Cloud role name of the app (`book-service`, `sidecar`, …). */
  readonly roleName: string;
  /** Overrides VERSION_TAG (e.g. the service's own default per variant). */
  readonly versionTag?: string | undefined;
  /** Defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The only CA (PEM) trusted for the ingestion endpoint, e.g. the local collector's certificate
   * inside one process (tests). Processes use NODE_EXTRA_CA_CERTS instead, which keeps Node's roots.
   */
  readonly ingestionCaPem?: string;
  /** Where the SDK keeps items waiting for a retry. */
  readonly storageDirectory?: string;
}

/**
 * Starts telemetry for one app from its environment: Application Insights when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set, a no-op otherwise. Throws
 * TelemetryConfigError (naming the variable, never the secret) on bad configuration.
 */
export function startTelemetry(options: StartTelemetryOptions): Telemetry {
  if (options.roleName.trim() === '') throw new TelemetryConfigError('roleName must not be empty');
  const env = readTelemetryEnv(options.env);
  const versionTag = options.versionTag ?? env.versionTag;
  if (env.connectionString === undefined) return disabledTelemetry(options.roleName, versionTag);
  // The SDK runs on its own thread, loaded only when telemetry is on: with OpenTelemetry it weighs
  // ~60 MiB of heap, which a sidecar without a connection string must not pay (budget: 120 MiB).
  return new ThreadedTelemetry({
    connectionString: env.connectionString,
    roleName: options.roleName,
    versionTag,
    liveMetrics: env.liveMetrics,
    statsbeat: env.statsbeat,
    nice: env.exporterNice,
    ...(options.ingestionCaPem === undefined ? {} : { ingestionCaPem: options.ingestionCaPem }),
    ...(options.storageDirectory === undefined ? {} : { storageDirectory: options.storageDirectory }),
  });
}
