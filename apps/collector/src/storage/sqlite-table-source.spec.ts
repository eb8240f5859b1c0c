import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableScanError } from '../errors';
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

  it('returns the rows in the time range ([from, to)) and may be read by two scans at once', () => {
    const request = { columns: ['id'], timeRange: { from: T0 + 1000, to: T0 + 2000 } };
    expect([...store.source.scan('requests', request)]).toEqual([['r1']]);
    const outer = store.source.scan('requests', { columns: ['id'] });
    const pairs: string[] = [];
    for (const [a] of outer) for (const [b] of store.source.scan('requests', { columns: ['id'] })) pairs.push(`${String(a)}${String(b)}`);
    expect(pairs).toHaveLength(9);
    expect([...store.source.scan('requests', { columns: [] })]).toEqual([[], [], []]);
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
