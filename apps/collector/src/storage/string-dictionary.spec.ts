import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { TableScanError } from '../errors';
import { openDatabase } from './database-schema';
import { SqliteTableSource } from './sqlite-table-source';
import { StringDecoder, StringEncoder, STRINGS_TABLE } from './string-dictionary';
import { MAX_CODED_STRING_LENGTH } from './storage-limits';
import { TelemetryStore } from './telemetry-store';

function request(second: number, name: string, versionTag: string) {
  const value = {
    name: 'Microsoft.ApplicationInsights.Request',
    time: new Date(Date.parse('2026-11-21T04:00:00Z') + second * 1000).toISOString(),
    tags: { 'ai.cloud.role': 'book-service' },
    data: {
      baseType: 'RequestData',
      baseData: {
        id: `r${second}`,
        name,
        duration: '00:00:00.010',
        responseCode: '200',
        success: true,
        properties: { VersionTag: versionTag },
      },
    },
  };
  return { json: JSON.stringify(value), envelope: value };
}

describe('the string dictionary', () => {
  let dir: string;
  let db: DatabaseSync;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-strings-'));
    db = openDatabase(join(dir, 'strings.sqlite'));
  });

  afterEach(async () => {
    if (db.isOpen) db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores repeated names, codes and tags as small integers, ids and urls as text, and reads back the strings', async () => {
    db.close();
    const store = await TelemetryStore.open(dir);
    await store.append([request(0, 'GET /books', 'V1MIR-a'), request(1, 'GET /books', 'V2MIR-b'), request(2, 'GET /books/:id', 'V1MIR-a')]);
    const stored = new DatabaseSync(join(dir, 'telemetry.sqlite'), { readOnly: true });
    const types = stored
      .prepare(
        `SELECT typeof("name") AS name, typeof("resultCode") AS code, typeof("cloud_RoleName") AS role, typeof("customDimensions:VersionTag") AS tag, typeof("id") AS id FROM requests`,
      )
      .all();
    expect(types).toEqual(
      Array.from({ length: 3 }, () => ({ name: 'integer', code: 'integer', role: 'integer', tag: 'integer', id: 'text' })),
    );
    // Six distinct strings: two names, one result code, one role, two tags as JSON text.
    expect(stored.prepare(`SELECT count(*) AS n FROM ${STRINGS_TABLE}`).get()).toEqual({ n: 6 });
    stored.close();
    const rows = [
      ...store.source.scan('requests', {
        columns: ['name', 'resultCode', 'cloud_RoleName', 'id', 'customDimensions'],
        dynamicKeys: new Map([['customDimensions', ['VersionTag']]]),
      }),
    ];
    expect(rows).toEqual([
      ['GET /books', '200', 'book-service', 'r0', { VersionTag: 'V1MIR-a' }],
      ['GET /books', '200', 'book-service', 'r1', { VersionTag: 'V2MIR-b' }],
      ['GET /books/:id', '200', 'book-service', 'r2', { VersionTag: 'V1MIR-a' }],
    ]);
    await store.close();
  });

  it('keeps a string too long to code, or met once the dictionary is full, as text', () => {
    const encoder = new StringEncoder(db, 2);
    const long = 'x'.repeat(MAX_CODED_STRING_LENGTH + 1);
    expect([encoder.encode('a'), encoder.encode(long), encoder.encode('b'), encoder.encode('c'), encoder.encode('a')]).toEqual([
      0n,
      long,
      1n,
      'c',
      0n,
    ]);
    const decoder = new StringDecoder(db);
    decoder.refresh();
    expect([decoder.text(0), decoder.text(1)]).toEqual(['a', 'b']);
  });

  it('forgets the codes of a rolled-back transaction, so the next string takes the code and no row can hold a stale one', () => {
    const encoder = new StringEncoder(db);
    db.exec('BEGIN');
    expect(encoder.encode('kept')).toBe(0n);
    db.exec('COMMIT');
    db.exec('BEGIN');
    expect(encoder.encode('lost')).toBe(1n);
    db.exec('ROLLBACK');
    encoder.reload();
    expect(encoder.encode('new')).toBe(1n);
    expect(encoder.encode('lost')).toBe(2n);
    const decoder = new StringDecoder(db);
    decoder.refresh();
    expect([0, 1, 2].map((code) => decoder.text(code))).toEqual(['kept', 'new', 'lost']);
  });

  it('learns a code committed after its last refresh, and names a code the dictionary lacks', () => {
    const encoder = new StringEncoder(db);
    const decoder = new StringDecoder(db);
    decoder.refresh();
    encoder.encode('later');
    expect(decoder.text(0)).toBe('later');
    expect(decoder.json(Number(encoder.encode('"json"')))).toBe('json');
    expect(() => decoder.text(7)).toThrow(
      new TableScanError('a row holds string code 7, which the strings table lacks: the database is damaged'),
    );
  });

  it('fails a scan over a row whose code is not in the dictionary with that error, never a wrong value', () => {
    db.prepare('INSERT INTO requests ("timestamp", "name") VALUES (?, ?)').run(0, 41);
    const source = new SqliteTableSource(db);
    expect(() => [...source.scan('requests', { columns: ['name'] })]).toThrow('a row holds string code 41, which the strings table lacks');
  });
});
