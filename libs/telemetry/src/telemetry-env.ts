import { VERSION_TAG_RULES } from '@mirrormesh/catalog';
import { parseEnv, s, SchemaError } from '@mirrormesh/schema';
import { parseConnectionString } from './connection-string';
import { TelemetryConfigError } from './errors';
import { DEFAULT_EXPORTER_NICE } from './export-queue-defaults';

/** The environment variables this package reads. */
export const telemetryEnvShape = {
  /** Secret. Unset: telemetry is off (a no-op), the service runs as usual. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: s
    .string({ minLength: 1 })
    .refine((value) => {
      const parts = parseConnectionString(value);
      return typeof parts === 'string' ? parts : undefined;
    })
    .optional(),
  /** Stamped as the `VersionTag` custom dimension on every request and dependency item. */
  VERSION_TAG: s.string(VERSION_TAG_RULES).optional(),
  /** Live Metrics stream (off by default: it opens a long-lived connection to Azure). */
  APPLICATIONINSIGHTS_LIVE_METRICS: s.boolean({ fromString: true }).default(false),
  /** The SDK's own usage reporting to Microsoft; off unless set to false. */
  APPLICATION_INSIGHTS_NO_STATSBEAT: s.boolean({ fromString: true }).default(true),
  /**
   * Nice value of the exporter thread. 0 (the default): it competes for CPU like the request thread,
   * and nothing is dropped while the machine has CPU to share. Higher (up to 19): on a saturated
   * machine requests win and telemetry falls behind, then drops items (counted, said on stderr).
   */
  TELEMETRY_EXPORTER_NICE: s.integer({ min: 0, max: 19, fromString: true }).default(DEFAULT_EXPORTER_NICE),
};

export interface TelemetryEnv {
  readonly connectionString: string | undefined;
  readonly versionTag: string | undefined;
  readonly liveMetrics: boolean;
  readonly statsbeat: boolean;
  readonly exporterNice: number;
}

/** Reads and validates the telemetry variables; throws TelemetryConfigError naming each bad one. */
export function readTelemetryEnv(env: NodeJS.ProcessEnv = process.env): TelemetryEnv {
  try {
    const parsed = parseEnv(telemetryEnvShape, env);
    return {
      connectionString: parsed.APPLICATIONINSIGHTS_CONNECTION_STRING,
      versionTag: parsed.VERSION_TAG,
      liveMetrics: parsed.APPLICATIONINSIGHTS_LIVE_METRICS,
      statsbeat: !parsed.APPLICATION_INSIGHTS_NO_STATSBEAT,
      exporterNice: parsed.TELEMETRY_EXPORTER_NICE,
    };
  } catch (error) {
    // SchemaError messages name the path and the rule only, never the value.
    if (error instanceof SchemaError) throw new TelemetryConfigError(error.message);
    throw error;
  }
}
