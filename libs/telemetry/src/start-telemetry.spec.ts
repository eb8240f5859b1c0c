import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelemetryConfigError } from './errors';
import { startTelemetry } from './start-telemetry';

describe('startTelemetry', () => {
  let storage: string;

  beforeEach(async () => {
    storage = await mkdtemp(join(tmpdir(), 'mirrormesh-telemetry-'));
  });

  afterEach(async () => {
    await rm(storage, { recursive: true, force: true });
  });

  it('is a no-op without a connection string', async () => {
    const telemetry = startTelemetry({ roleName: 'book-service', env: { VERSION_TAG: 'V1MIR-LiveBookService' } });
    expect(telemetry.enabled).toBe(false);
    expect(telemetry.versionTag).toBe('V1MIR-LiveBookService');
    telemetry.trackRequest({ method: 'GET', route: '/books', statusCode: 200, durationMs: 1 });
    await expect(telemetry.shutdown()).resolves.toBeUndefined();
  });

  it('starts the real SDK on its exporter thread and shuts down once however often it is asked', async () => {
    const before = { ...process.env };
    const telemetry = startTelemetry({
      roleName: 'book-service',
      versionTag: 'V2MIR-BookService',
      env: {
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://127.0.0.1:9/',
      },
      storageDirectory: storage,
    });
    expect(telemetry.enabled).toBe(true);
    // The SDK's settings (statsbeat, OTEL_BSP_*) live in the exporter thread's own environment.
    expect(process.env).toEqual(before);
    const first = telemetry.shutdown();
    expect(telemetry.shutdown()).toBe(first);
    await first;
    // After shutdown, tracking is ignored rather than thrown into the caller.
    expect(() => telemetry.trackRequest({ method: 'GET', route: '/books', statusCode: 200, durationMs: 1 })).not.toThrow();
  });

  it('rejects an empty role name', () => {
    expect(() => startTelemetry({ roleName: ' ', env: {} })).toThrow(TelemetryConfigError);
  });
});
