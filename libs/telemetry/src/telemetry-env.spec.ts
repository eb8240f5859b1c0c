import { TelemetryConfigError } from './errors';
import { readTelemetryEnv } from './telemetry-env';

const SECRET = 'InstrumentationKey=not-a-guid-but-secret;IngestionEndpoint=https://example.invalid/';

describe('readTelemetryEnv', () => {
  it('turns telemetry off when no connection string is set, with statsbeat and live metrics off', () => {
    expect(readTelemetryEnv({})).toEqual({
      connectionString: undefined,
      versionTag: undefined,
      liveMetrics: false,
      statsbeat: false,
      exporterNice: 0,
    });
  });

  it('reads the connection string, VersionTag and the switches', () => {
    const env = readTelemetryEnv({
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://127.0.0.1:4443/',
      VERSION_TAG: 'V2MIR-BookService',
      APPLICATIONINSIGHTS_LIVE_METRICS: 'true',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'false',
      TELEMETRY_EXPORTER_NICE: '10',
    });
    expect(env).toMatchObject({ versionTag: 'V2MIR-BookService', liveMetrics: true, statsbeat: true, exporterNice: 10 });
    expect(() => readTelemetryEnv({ TELEMETRY_EXPORTER_NICE: '-5' })).toThrow(/^TELEMETRY_EXPORTER_NICE must be/);
  });

  it('holds VERSION_TAG to the rule every service applies (header-safe, at most 100 characters)', () => {
    expect(() => readTelemetryEnv({ VERSION_TAG: 'V1 live"' })).toThrow('VERSION_TAG must contain only letters, digits and . _ : -');
    expect(() => readTelemetryEnv({ VERSION_TAG: 'V'.repeat(101) })).toThrow('VERSION_TAG must be at most 100 characters long');
    expect(readTelemetryEnv({ VERSION_TAG: 'V'.repeat(100) }).versionTag).toHaveLength(100);
  });

  it('names the bad variable and the rule, never the secret value', () => {
    let error: unknown;
    try {
      readTelemetryEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: SECRET, APPLICATION_INSIGHTS_NO_STATSBEAT: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TelemetryConfigError);
    expect((error as TelemetryConfigError).code).toBe('ERR_TELEMETRY_CONFIG');
    expect((error as Error).message).toBe(
      'APPLICATIONINSIGHTS_CONNECTION_STRING must contain InstrumentationKey=<guid>\nAPPLICATION_INSIGHTS_NO_STATSBEAT must be true or false',
    );
    expect((error as Error).message).not.toContain('secret');
  });
});
