import { DatabaseSync } from 'node:sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteIdentifier, SCHEMA_VERSION } from './database-schema';
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

const CONTEXT_V2 = `"customDimensions" TEXT, "customMeasurements" TEXT, "cloud_RoleName" TEXT, "cloud_RoleInstance" TEXT,
  "operation_Id" TEXT, "operation_ParentId" TEXT, "operation_Name" TEXT, "sdkVersion" TEXT,
  "client_Type" TEXT GENERATED ALWAYS AS ('PC') VIRTUAL, "appName" TEXT`;

/** The tables as version 2 of the collector created them: every string column TEXT, no dictionary. */
const VERSION_2_SCHEMA = `PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;
CREATE TABLE requests ("timestamp" INTEGER NOT NULL, "id" TEXT, "name" TEXT, "url" TEXT, "duration" REAL, "resultCode" TEXT,
  "success" INTEGER, "itemCount" INTEGER, ${CONTEXT_V2}, "itemType" TEXT GENERATED ALWAYS AS ('request') VIRTUAL,
  "customDimensions:VersionTag" TEXT, "customDimensions:Mirror" TEXT);
CREATE INDEX requests_timestamp ON requests ("timestamp");
CREATE TABLE dependencies ("timestamp" INTEGER NOT NULL, "id" TEXT, "name" TEXT, "target" TEXT, "type" TEXT, "data" TEXT,
  "duration" REAL, "resultCode" TEXT, "success" INTEGER, "itemCount" INTEGER, ${CONTEXT_V2},
  "itemType" TEXT GENERATED ALWAYS AS ('dependency') VIRTUAL, "customDimensions:VersionTag" TEXT, "customDimensions:Mirror" TEXT);
CREATE INDEX dependencies_timestamp ON dependencies ("timestamp");
CREATE TABLE other_items ("timestamp" INTEGER NOT NULL, "itemType" TEXT NOT NULL, "envelope" TEXT NOT NULL);
CREATE INDEX other_items_timestamp ON other_items ("timestamp");
CREATE TABLE imported_segments ("name" TEXT PRIMARY KEY);
PRAGMA user_version = 2;`;

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
    expect(version.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    version.close();
  });

  it('upgrades a version 2 database: its rows are kept (text and rowids), new rows are coded, both read alike', async () => {
    const v2 = new DatabaseSync(join(dir, DATABASE_FILE));
    v2.exec(VERSION_2_SCHEMA);
    v2.prepare(
      `INSERT INTO requests (rowid, "timestamp", "id", "name", "resultCode", "success", "customDimensions", "customDimensions:VersionTag")
       VALUES (7, ?, 'r0', 'GET /books', '200', 1, '{"VersionTag":"V1MIR-a"}', '"V1MIR-a"')`,
    ).run(Date.parse('2026-11-21T04:00:00Z'));
    v2.close();

    const upgraded = await TelemetryStore.open(dir);
    await upgraded.append([envelope(1, { VersionTag: 'V1MIR-a' })]);
    const scan = () => [
      ...upgraded.source.scan('requests', {
        columns: ['id', 'name', 'resultCode', 'success', 'customDimensions'],
        dynamicKeys: new Map([['customDimensions', ['VersionTag']]]),
      }),
    ];
    const expected = [
      ['r0', 'GET /books', '200', true, { VersionTag: 'V1MIR-a' }],
      ['r1', 'GET /books', '200', true, { VersionTag: 'V1MIR-a' }],
    ];
    expect(scan()).toEqual(expected);
    await upgraded.close();
    const stored = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
    expect(stored.prepare('SELECT rowid, typeof("name") AS name FROM requests ORDER BY rowid').all()).toEqual([
      { rowid: 7, name: 'text' },
      { rowid: 8, name: 'integer' },
    ]);
    expect(stored.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'`).all()).toEqual([
      { name: 'requests_timestamp' },
    ]);
    stored.close();
    // And once more, as the collector's next start opens it.
    const reopened = await TelemetryStore.open(dir);
    expect(reopened.stats().requests).toBe(2);
    await reopened.close();
  });

  it('refuses a database of a later version, naming both versions', async () => {
    const later = new DatabaseSync(join(dir, DATABASE_FILE));
    later.exec('PRAGMA user_version = 99');
    later.close();
    await expect(TelemetryStore.open(dir)).rejects.toThrow(
      `the database has schema version 99; this collector knows up to ${SCHEMA_VERSION}`,
    );
  });
});
