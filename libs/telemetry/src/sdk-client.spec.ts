import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSdkClient } from './sdk-client';

const CONNECTION_STRING = 'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://127.0.0.1:9/';

describe('createSdkClient', () => {
  let storage: string;
  const saved = { ...process.env };

  beforeEach(async () => {
    storage = await mkdtemp(join(tmpdir(), 'mirrormesh-sdk-client-'));
  });

  afterEach(async () => {
    process.env = { ...saved };
    await rm(storage, { recursive: true, force: true });
  });

  const build = () =>
    createSdkClient({
      connectionString: CONNECTION_STRING,
      roleName: 'book-service',
      liveMetrics: false,
      statsbeat: false,
      storageDirectory: storage,
    });

  it('samples 100 %, collects nothing by itself, and turns statsbeat off unless asked', async () => {
    const client = build();
    expect(client.config.samplingPercentage).toBe(100);
    expect(client.config.enableAutoCollectRequests).toBe(false);
    expect(client.config.enableAutoCollectDependencies).toBe(false);
    expect(process.env['APPLICATION_INSIGHTS_NO_STATSBEAT']).toBe('true');
    await client.shutdown();
  });

  it('applies the export queue bounds only while building, and never over an operator setting', async () => {
    process.env['OTEL_BSP_MAX_QUEUE_SIZE'] = '1000';
    const client = build();
    expect(process.env['OTEL_BSP_MAX_QUEUE_SIZE']).toBe('1000');
    expect(process.env['OTEL_BSP_SCHEDULE_DELAY']).toBeUndefined();
    await client.shutdown();
  });
});
