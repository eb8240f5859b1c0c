import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryTableSource, runQuery, type Cell } from '@mirrormesh/kql';
import { kustoBlocks } from '../report/kusto-blocks';
import { TELEMETRY_TABLES } from '../storage/telemetry-tables';
import { kqlString, readSummaryRows, summaryQuery, type SummaryFilter } from './summary-query';

const NOW = Date.parse('2026-11-21T12:00:00Z');

function request(name: string, versionTag: string | undefined, resultCode: string, duration: number, timestamp = NOW - 1_000) {
  const customDimensions = versionTag === undefined ? {} : { VersionTag: versionTag };
  return { timestamp, name, resultCode, duration, success: resultCode < '400', customDimensions } as Record<string, Cell>;
}

async function summary(rows: Record<string, Cell>[], filter: SummaryFilter = {}) {
  const result = await runQuery(summaryQuery(filter), memoryTableSource(TELEMETRY_TABLES, { requests: rows }), { now: () => NOW });
  return readSummaryRows(result.tables[0]!);
}

describe('summaryQuery (the lab query, run by the KQL engine)', () => {
  const rows = [
    request('GET /books/:id/reviews', 'V2MIR-BookService', '200', 30),
    request('GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 10),
    request('GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 20),
    request('GET /books', 'V1MIR-LiveBookService', '200', 5),
    request('GET /books/:id/reviews', 'V4MIR-BookServiceFault', '500', 2),
    request('GET /health/ready', undefined, '200', 1),
  ];

  it('groups by name, podVersion, resultCode with avg duration and count, sorted by name, podVersion, resultCode', async () => {
    expect(
      (await summary(rows, { contains: 'MIR-' })).map((r) => [r.name, r.podVersion, r.resultCode, r.duration, r.requestCount]),
    ).toEqual([
      ['GET /books', 'V1MIR-LiveBookService', '200', 5, 1],
      ['GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 15, 2],
      ['GET /books/:id/reviews', 'V2MIR-BookService', '200', 30, 1],
      ['GET /books/:id/reviews', 'V4MIR-BookServiceFault', '500', 2, 1],
    ]);
  });

  it('matches contains case-insensitively, like Kusto', async () => {
    expect((await summary(rows, { contains: 'v2mir' })).map((r) => r.podVersion)).toEqual(['V2MIR-BookService']);
  });

  it('keeps items without VersionTag (podVersion "") only when no contains filter is given', async () => {
    expect((await summary(rows)).some((r) => r.name === 'GET /health/ready' && r.podVersion === '')).toBe(true);
    expect((await summary(rows, { contains: '' })).length).toBe(5);
  });

  it('filters by the time window: since inclusive, until exclusive, relative to the query time', async () => {
    const timed = [100, 200, 300].map((ms) => request('GET /a', 'V1MIR-x', '200', 1, NOW - 60_000 + ms));
    const at = (ms: number) => ({ at: NOW - 60_000 + ms });
    expect((await summary(timed, { since: at(200), until: at(300) }))[0]?.requestCount).toBe(1);
    expect(
      (await summary([...timed, request('GET /a', 'V1MIR-x', '200', 1, NOW - 120_000)], { since: { ago: '90s' } }))[0]?.requestCount,
    ).toBe(3);
  });

  it('computes nearest-rank percentiles', async () => {
    const many = Array.from({ length: 100 }, (_, index) => request('GET /a', 'V1MIR-x', '200', index + 1));
    const [row] = await summary(many);
    expect([row?.p50, row?.p95, row?.p99]).toEqual([50, 95, 99]);
  });

  it('takes at most `take` rows', async () => {
    expect(await summary(rows, { take: 2 })).toHaveLength(2);
  });

  it('matches a contains text holding quotes, backslashes and line breaks literally', async () => {
    const odd = 'a"b\\c\nd\te';
    expect(kqlString(odd)).toBe('"a\\"b\\\\c\\nd\\te"');
    const found = await summary([request('GET /a', `x${odd}y`, '200', 1), request('GET /a', 'a"b', '200', 1)], { contains: odd });
    expect(found.map((r) => r.podVersion)).toEqual([`x${odd}y`]);
  });
});

describe('readSummaryRows', () => {
  it('names the missing column or the wrong cell', () => {
    expect(() => readSummaryRows({ name: 'PrimaryResult', columns: [{ name: 'name', type: 'string' }], rows: [] })).toThrow(
      'the summary answer has no column podVersion (its columns: name)',
    );
    const columns = ['name', 'podVersion', 'resultCode', 'duration', 'requestCount', 'p50', 'p95', 'p99'].map((name) => ({
      name,
      type: 'x',
    }));
    expect(() => readSummaryRows({ name: 'PrimaryResult', columns, rows: [['a', 'b', 'c', 'slow', 1, 1, 1, 1]] })).toThrow(
      `the summary answer's row 1 has duration = "slow", not a number`,
    );
  });
});

describe('the summary query and LogAnalyticsQuery.md', () => {
  it('are one query: the guide prints exactly what the report runs', () => {
    const guide = readFileSync(join(__dirname, '..', '..', 'queries', 'LogAnalyticsQuery.md'), 'utf8');
    expect(kustoBlocks(guide)[1]?.query).toBe(summaryQuery({ contains: 'MIR-', since: { ago: '15m' } }));
  });
});
