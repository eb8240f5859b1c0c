import { SchemaError } from '@mirrormesh/schema';
import { loadBookServiceConfig } from './book-service.config';

describe('loadBookServiceConfig', () => {
  it('defaults to the live variant on 0.0.0.0:8080 as V1MIR-LiveBookService', () => {
    const config = loadBookServiceConfig({});
    expect(config.variant).toEqual({ kind: 'live' });
    expect(config.service).toMatchObject({ port: 8080, host: '0.0.0.0', versionTag: 'V1MIR-LiveBookService', logFormat: 'json' });
  });

  it('reads the delay variant with its delay and jitter', () => {
    const config = loadBookServiceConfig({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: '900', REVIEWS_DELAY_JITTER_MS: '100' });
    expect(config.variant).toEqual({ kind: 'delay', delayMs: 900, jitterMs: 100 });
    expect(config.service.versionTag).toBe('V3MIR-BookServiceDelay');
  });

  it('reads the fault variant with its book ids, 2 and 4 by default', () => {
    expect(loadBookServiceConfig({ BOOK_SERVICE_VARIANT: 'fault' }).variant).toEqual({ kind: 'fault', bookIds: new Set([2, 4]) });
    expect(loadBookServiceConfig({ BOOK_SERVICE_VARIANT: 'fault', FAULT_BOOK_IDS: '7' }).variant).toEqual({
      kind: 'fault',
      bookIds: new Set([7]),
    });
  });

  it('reads the schema-change variant, V5MIR-BookServiceSchemaChange by default', () => {
    const config = loadBookServiceConfig({ BOOK_SERVICE_VARIANT: 'schema-change' });
    expect(config.variant).toEqual({ kind: 'schema-change' });
    expect(config.service.versionTag).toBe('V5MIR-BookServiceSchemaChange');
  });

  it('refuses an unknown variant, naming the known ones', () => {
    expect(() => loadBookServiceConfig({ BOOK_SERVICE_VARIANT: 'schema_change' })).toThrow(
      'BOOK_SERVICE_VARIANT must be one of "live", "delay", "fault", "schema-change"',
    );
  });

  it('lets VERSION_TAG name the deployment whatever the variant', () => {
    expect(loadBookServiceConfig({ VERSION_TAG: 'V2MIR-BookService' }).service.versionTag).toBe('V2MIR-BookService');
  });

  it('refuses a jitter larger than the delay, naming both variables', () => {
    expect(() => loadBookServiceConfig({ REVIEWS_DELAY_MS: '100', REVIEWS_DELAY_JITTER_MS: '200' })).toThrow(
      new SchemaError([{ path: ['REVIEWS_DELAY_JITTER_MS'], message: 'must not exceed REVIEWS_DELAY_MS (100)' }]),
    );
  });

  it('refuses a version tag that could break log lines or queries', () => {
    expect(() => loadBookServiceConfig({ VERSION_TAG: 'V1 live"' })).toThrow('VERSION_TAG must contain only letters, digits and . _ : -');
  });
});
