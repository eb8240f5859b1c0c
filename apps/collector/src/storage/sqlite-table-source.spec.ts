import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { TableScanError } from '../errors';
import { SqliteTableSource } from './sqlite-table-source';
import { DATABASE_FILE } from './storage-files';
import { TelemetryStore } from './telemetry-store';

const T0 = Date.parse('2026-11-21T04:00:00.000Z');

function request(second: number, properties: Record<string, unknown> | undefined, success = true) {
  const envelope = {
    name: 'Microsoft.ApplicationInsights.Request',
    time: new Date(T0 + second * 1000).toISOString(),
    iKey: 'ikey',
    tags: { 'ai.cloud.role': 'book-service' },
    data: {
      baseType: 'RequestData',
      baseData: { id: `r${second}`, name: 'GET /books', duration: '00:00:00.250', responseCode: '200', success, properties },
    },
  };
  return { json: JSON.stringify(envelope), envelope };
}

describe('SqliteTableSource', () => {
  let dir: string;
  let store: TelemetryStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-source-'));
    store = await TelemetryStore.open(dir);
    await store.append([
      request(0, { VersionTag: 'V1MIR-a', 'odd "key".x': 'odd', nested: { deep: [1, 2] } }),
      request(1, { VersionTag: 'V2MIR-b' }, false),
      request(2, undefined),
    ]);
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('names the two telemetry tables with their Log Analytics columns and types', () => {
    expect(store.source.tables().map((table) => table.name)).toEqual(['requests', 'dependencies']);
    const requests = store.source.tables()[0];
    expect(requests?.columns.slice(0, 8)).toEqual([
      { name: 'timestamp', type: 'datetime' },
      { name: 'id', type: 'string' },
      { name: 'name', type: 'string' },
      { name: 'url', type: 'string' },
      { name: 'duration', type: 'real' },
      { name: 'resultCode', type: 'string' },
      { name: 'success', type: 'bool' },
      { name: 'itemCount', type: 'int' },
    ]);
  });

  it('hands over only the columns asked, in their order, as the contract types them', () => {
    const rows = [
      ...store.source.scan('requests', { columns: ['success', 'timestamp', 'id', 'itemType', 'client_Type', 'duration', 'url'] }),
    ];
    expect(rows).toEqual([
      [true, T0, 'r0', 'request', 'PC', 250, null],
      [false, T0 + 1000, 'r1', 'request', 'PC', 250, null],
      [true, T0 + 2000, 'r2', 'request', 'PC', 250, null],
    ]);
  });

  it('parses a dynamic column read whole', () => {
    const rows = [...store.source.scan('requests', { columns: ['customDimensions'] })];
    expect(rows).toEqual([
      [{ VersionTag: 'V1MIR-a', 'odd "key".x': 'odd', nested: { deep: [1, 2] } }],
      [{ VersionTag: 'V2MIR-b' }],
      [null],
    ]);
  });

  it('extracts only the keys asked of a dynamic column, keys with quotes and dots included', () => {
    const dynamicKeys = new Map([['customDimensions', ['VersionTag', 'odd "key".x', 'nested', 'absent']]]);
    const rows = [...store.source.scan('requests', { columns: ['id', 'customDimensions'], dynamicKeys })];
    expect(rows[0]).toEqual(['r0', { VersionTag: 'V1MIR-a', 'odd "key".x': 'odd', nested: { deep: [1, 2] }, absent: null }]);
    expect(rows[1]).toEqual(['r1', { VersionTag: 'V2MIR-b', 'odd "key".x': null, nested: null, absent: null }]);
  });

  it('reads promoted dimensions from their own column exactly as from the JSON: quotes, escapes, non-strings', async () => {
    const oddDir = await mkdtemp(join(tmpdir(), 'mirrormesh-promoted-'));
    const odd = await TelemetryStore.open(oddDir);
    const values = ['plain', 'quote " and \\ backslash', 'line\nbreak', 'é ✓ 𝄞', '', 42, true, { nested: ['x'] }, null];
    await odd.append(values.map((value, second) => request(second, { VersionTag: value as never, Mirror: 'true' })));
    await odd.append([request(values.length, { Other: 'x' })]);
    const byKey = [
      ...odd.source.scan('requests', {
        columns: ['customDimensions'],
        dynamicKeys: new Map([['customDimensions', ['VersionTag', 'Mirror']]]),
      }),
    ];
    const whole = [...odd.source.scan('requests', { columns: ['customDimensions'] })] as [Record<string, unknown>][];
    expect(byKey).toEqual(whole.map(([d]) => [{ VersionTag: d['VersionTag'] ?? null, Mirror: d['Mirror'] ?? null }]));
    expect(byKey.map(([d]) => (d as Record<string, unknown>)['VersionTag'])).toEqual([...values, null]);
    await odd.close();
    await rm(oddDir, { recursive: true, force: true });
  });

  it('returns the rows in the time range ([from, to)) and may be read by two scans at once', () => {
    const request = { columns: ['id'], timeRange: { from: T0 + 1000, to: T0 + 2000 } };
    expect([...store.source.scan('requests', request)]).toEqual([['r1']]);
    const outer = store.source.scan('requests', { columns: ['id'] });
    const pairs: string[] = [];
    for (const [a] of outer) for (const [b] of store.source.scan('requests', { columns: ['id'] })) pairs.push(`${String(a)}${String(b)}`);
    expect(pairs).toHaveLength(9);
    expect([...store.source.scan('requests', { columns: [] })]).toEqual([[], [], []]);
  });

  it('reads page by page without losing or repeating a row, rows of one timestamp across a page boundary included', async () => {
    const pagedDir = await mkdtemp(join(tmpdir(), 'mirrormesh-pages-'));
    const paged = await TelemetryStore.open(pagedDir);
    // Seconds 0,0,0,1,1,2,3,3: pages of 2 split both runs of equal timestamps.
    const seconds = [3, 0, 1, 0, 3, 2, 0, 1];
    await paged.append(seconds.map((second, n) => ({ ...request(second, { VersionTag: `n${n}` }) })));
    // A reader of its own, as the query thread has, reading 2 rows per page.
    const reader = new DatabaseSync(join(pagedDir, DATABASE_FILE), { readOnly: true });
    const source = new SqliteTableSource(reader, 2);
    const ids = (rows: Iterable<readonly unknown[]>) =>
      [...rows].map(([, dimensions]) => (dimensions as { VersionTag: string }).VersionTag);
    const dynamicKeys = new Map([['customDimensions', ['VersionTag']]]);
    // Whole table: insertion (rowid) order.
    expect(ids(source.scan('requests', { columns: ['id', 'customDimensions'], dynamicKeys }))).toEqual(seconds.map((_, n) => `n${n}`));
    // Time-bounded: timestamp order on the index, then rowid.
    const bounded = source.scan('requests', { columns: ['id', 'customDimensions'], dynamicKeys, timeRange: { from: T0, to: T0 + 3000 } });
    expect(ids(bounded)).toEqual(['n1', 'n3', 'n6', 'n2', 'n7', 'n5']);
    // Stored rows are cut to the cells asked, page after page.
    expect([...source.scan('requests', { columns: ['success'], timeRange: { from: T0 + 3000 } })]).toEqual([[true], [true]]);
    reader.close();
    await paged.close();
    await rm(pagedDir, { recursive: true, force: true });
  });

  it('says what is wrong with a scan of an unknown table, column or key column', () => {
    expect(() => store.source.scan('traces', { columns: ['id'] })).toThrow(
      new TableScanError('no table "traces": the tables are requests, dependencies'),
    );
    expect(() => store.source.scan('requests', { columns: ['target'] })).toThrow(
      /table requests has no column "target": its columns are timestamp, id/,
    );
    expect(() => store.source.scan('requests', { columns: ['name'], dynamicKeys: new Map([['name', ['x']]]) })).toThrow(
      'column requests.name is string: only dynamic columns are read by key',
    );
  });
});
