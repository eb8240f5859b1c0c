import { SchemaError } from '@mirrormesh/schema';
import { DEFAULT_TRACK_LIMITS } from '../ingest/track-limits';
import { COLLECTOR_DEFAULTS, loadCollectorConfig } from './collector-config';

describe('loadCollectorConfig', () => {
  it('applies the named defaults and resolves DATA_DIR against the working directory', () => {
    const config = loadCollectorConfig({}, '/srv');
    expect(config.service.port).toBe(COLLECTOR_DEFAULTS.port);
    expect(config.queryPort).toBe(COLLECTOR_DEFAULTS.queryPort);
    expect(config.dataDir).toBe(`/srv/${COLLECTOR_DEFAULTS.dataDir}`);
    expect(config.tlsHosts).toEqual(['localhost', '127.0.0.1']);
  });

  it('reads every track limit from its variable, with the named defaults', () => {
    expect(loadCollectorConfig({}).track).toEqual(DEFAULT_TRACK_LIMITS);
    const track = loadCollectorConfig({
      MAX_BODY_BYTES: '2048',
      MAX_DECODED_BYTES: '4096',
      MAX_ITEMS_PER_BATCH: '10',
      MAX_JSON_VALUES: '100',
    }).track;
    expect(track).toEqual({ maxBodyBytes: 2048, maxDecodedBytes: 4096, maxItemsPerBatch: 10, maxJsonValues: 100 });
    expect(() => loadCollectorConfig({ MAX_ITEMS_PER_BATCH: '0' })).toThrow('MAX_ITEMS_PER_BATCH must be an integer between 1 and 1000000');
  });

  it('names every bad variable and its rule', () => {
    let error: unknown;
    try {
      loadCollectorConfig({ PORT: 'https', RETENTION_DAYS: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).message).toBe(
      'PORT must be an integer between 0 and 65535\nRETENTION_DAYS must be an integer between 1 and 3650',
    );
  });
});
