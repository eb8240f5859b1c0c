import { DatabaseSync } from 'node:sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteIdentifier } from './database-schema';
import { DATABASE_FILE } from './storage-files';
import { TelemetryStore } from './telemetry-store';
import { PROMOTED_DIMENSIONS, promotedColumn } from './telemetry-tables';

function envelope(second: number, properties: Record<string, unknown>) {
  const value = {
    name: 'Microsoft.ApplicationInsights.Request',
    time: new Date(Date.parse('2026-11-21T04:00:00Z') + second * 1000).toISOString(),
    data: {
      baseType: 'RequestData',
      baseData: { id: `r${second}`, name: 'GET /books', duration: '00:00:00.010', responseCode: '200', success: true, properties },
    },
  };
  return { json: JSON.stringify(value), envelope: value };
}

describe('the database schema', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-schema-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('upgrades a version 1 database: the promoted dimensions are filled from the stored JSON', async () => {
    const store = await TelemetryStore.open(dir);
    await store.append([envelope(0, { VersionTag: 'V1MIR-a', Mirror: 'true' }), envelope(1, { VersionTag: 'say "hi"' }), envelope(2, {})]);
    await store.close();
    // Version 1 had no promoted columns.
    const v1 = new DatabaseSync(join(dir, DATABASE_FILE));
    for (const key of PROMOTED_DIMENSIONS) v1.exec(`ALTER TABLE requests DROP COLUMN ${quoteIdentifier(promotedColumn(key))}`);
    for (const key of PROMOTED_DIMENSIONS) v1.exec(`ALTER TABLE dependencies DROP COLUMN ${quoteIdentifier(promotedColumn(key))}`);
    v1.exec('PRAGMA user_version = 1');
    v1.close();

    const upgraded = await TelemetryStore.open(dir);
    const dynamicKeys = new Map([['customDimensions', ['VersionTag', 'Mirror']]]);
    expect([...upgraded.source.scan('requests', { columns: ['id', 'customDimensions'], dynamicKeys })]).toEqual([
      ['r0', { VersionTag: 'V1MIR-a', Mirror: 'true' }],
      ['r1', { VersionTag: 'say "hi"', Mirror: null }],
      ['r2', { VersionTag: null, Mirror: null }],
    ]);
    await upgraded.append([envelope(3, { VersionTag: 'V2MIR-b' })]);
    expect(upgraded.stats().requests).toBe(4);
    await upgraded.close();
    const version = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
    expect(version.prepare('PRAGMA user_version').get()).toEqual({ user_version: 2 });
    version.close();
  });

  it('refuses a database of a later version, naming both versions', async () => {
    const later = new DatabaseSync(join(dir, DATABASE_FILE));
    later.exec('PRAGMA user_version = 99');
    later.close();
    await expect(TelemetryStore.open(dir)).rejects.toThrow('the database has schema version 99; this collector knows up to 2');
  });
});
