import { failure, run } from './fixtures/run';

/** The lab's query and the three of apps/collector/queries/LogAnalyticsQuery.md, answers computed by hand. */
describe('the lab queries', () => {
  it('runs the lab query verbatim (odd spacing included): avg and count by name, VersionTag, resultCode, sorted desc', async () => {
    const { columns, rows } = await run(`requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`);
    expect(columns).toEqual(['name:string', 'podVersion:string', 'resultCode:string', 'duration:real', 'requestCount:long']);
    // sort by name, podVersion: both descending; rows equal on both keys come in any order.
    expect(rows.map((row) => `${row[0]} ${row[1]}`)).toEqual([
      'GET /books/{id} V2MIR-BookService',
      'GET /books/{id} V1MIR-LiveBookService',
      'GET /books V4MIR-BookServiceFault',
      'GET /books V4MIR-BookServiceFault',
      'GET /books V3MIR-BookServiceDelay',
      'GET /books V2MIR-BookService',
      'GET /books V1MIR-LiveBookService',
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['GET /books/{id}', 'V2MIR-BookService', '404', 4, 1],
        ['GET /books/{id}', 'V1MIR-LiveBookService', '200', 8, 1],
        ['GET /books', 'V4MIR-BookServiceFault', '500', 5, 1],
        ['GET /books', 'V4MIR-BookServiceFault', '200', 15, 1],
        ['GET /books', 'V3MIR-BookServiceDelay', '200', 1100, 2],
        ['GET /books', 'V2MIR-BookService', '200', 30, 1],
        ['GET /books', 'V1MIR-LiveBookService', '200', (10 + 20 + 100) / 3, 3],
      ]),
    );
  });

  it('runs the documented lab query (formatted over lines)', async () => {
    const { rows } = await run(`requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode
| sort by name, podVersion`);
    expect(rows).toHaveLength(7);
  });

  it('runs the report query: last 15 minutes, nearest-rank percentiles, ascending', async () => {
    const { columns, rows } = await run(`requests
| where timestamp > ago(15m)
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count(),
            p50 = percentile(duration, 50), p95 = percentile(duration, 95), p99 = percentile(duration, 99)
  by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode
| sort by name asc, podVersion asc, resultCode asc`);
    expect(columns).toEqual([
      'name:string',
      'podVersion:string',
      'resultCode:string',
      'duration:real',
      'requestCount:long',
      'p50:real',
      'p95:real',
      'p99:real',
    ]);
    expect(rows).toEqual([
      ['GET /books', 'V1MIR-LiveBookService', '200', 15, 2, 10, 20, 20],
      ['GET /books', 'V2MIR-BookService', '200', 30, 1, 30, 30, 30],
      ['GET /books', 'V3MIR-BookServiceDelay', '200', 1100, 2, 1000, 1200, 1200],
      ['GET /books', 'V4MIR-BookServiceFault', '200', 15, 1, 15, 15, 15],
      ['GET /books', 'V4MIR-BookServiceFault', '500', 5, 1, 5, 5, 5],
      ['GET /books/{id}', 'V1MIR-LiveBookService', '200', 8, 1, 8, 8, 8],
      ['GET /books/{id}', 'V2MIR-BookService', '404', 4, 1, 4, 4, 4],
    ]);
  });

  it('runs the mirror query over dependencies: Mirror == "true", count() named count_', async () => {
    const { columns, rows } = await run(`dependencies
| where customDimensions["Mirror"] == "true"
| summarize duration = avg(duration), count() by name, target, resultCode
| sort by name asc, target asc`);
    expect(columns).toEqual(['name:string', 'target:string', 'resultCode:string', 'duration:real', 'count_:long']);
    expect(rows).toEqual([
      ['GET /books', 'bookservicelive2', '200', 6, 1],
      ['GET /books', 'bookservicev2', '200', 15, 2],
      ['GET /books', 'bookservicev4', '500', 3, 1],
    ]);
  });

  it('answers an unknown table in Azure words', async () => {
    expect(await failure('reqests | take 1')).toBe(
      "SemanticError: The name 'reqests' does not refer to any known table, tabular variable or function. (line 1, column 1)",
    );
  });
});
