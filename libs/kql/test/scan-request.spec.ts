import { type ScanRequest, type TableSource, runQuery } from '../src';
import { labNow } from './fixtures/lab-rows';
import { labSource } from './fixtures/run';

/** The lab source, recording what each query asked of it. */
function recordingSource(): { source: TableSource; requests: ScanRequest[] } {
  const requests: ScanRequest[] = [];
  return {
    requests,
    source: {
      tables: () => labSource.tables(),
      scan: (table, request) => {
        requests.push(request);
        return labSource.scan(table, request);
      },
    },
  };
}

async function scanOf(text: string, timespan?: string): Promise<ScanRequest> {
  const { source, requests } = recordingSource();
  await runQuery(text, source, { now: () => labNow, ...(timespan ? { timespan } : {}) });
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

const minute = 60_000;

describe('what a query asks of its source', () => {
  it('the lab query: the columns it reads, VersionTag only from customDimensions, no time range', async () => {
    const request = await scanOf(`requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`);
    expect(request.columns).toEqual(['name', 'duration', 'resultCode', 'customDimensions']);
    expect(request.dynamicKeys).toEqual(new Map([['customDimensions', ['VersionTag']]]));
    expect(request.timeRange).toBeUndefined();
  });

  it('the mirror query over dependencies: Mirror only from customDimensions', async () => {
    const { source, requests } = recordingSource();
    await runQuery(
      'dependencies\n| where customDimensions["Mirror"] == "true"\n| summarize duration = avg(duration), count() by name, target, resultCode',
      source,
    );
    expect(requests[0]!.columns).toEqual(['name', 'target', 'duration', 'resultCode', 'customDimensions']);
    expect(requests[0]!.dynamicKeys).toEqual(new Map([['customDimensions', ['Mirror']]]));
  });

  it('a whole-value read of a dynamic column gives no keys for it', async () => {
    const request = await scanOf('requests | where customDimensions.VersionTag == "x" | project tostring(customDimensions)');
    expect(request.columns).toEqual(['customDimensions']);
    expect(request.dynamicKeys).toBeUndefined();
  });

  it('a dynamic column that reaches the output is read whole', async () => {
    const request = await scanOf('requests | where customDimensions.VersionTag == "x" | project name, customDimensions');
    expect(request.columns).toEqual(['name', 'customDimensions']);
    expect(request.dynamicKeys).toBeUndefined();
  });

  it('keys are followed through a rename', async () => {
    const request = await scanOf('requests | project-rename cd = customDimensions | project v = cd["VersionTag"], m = cd.Mirror');
    expect(request.columns).toEqual(['customDimensions']);
    expect(request.dynamicKeys).toEqual(new Map([['customDimensions', ['VersionTag', 'Mirror']]]));
  });

  it('a query ending without a projection reads every column', async () => {
    const request = await scanOf('requests | where name == "x"');
    expect(request.columns).toEqual(labSource.tables()[0]!.columns.map((column) => column.name));
  });

  it('count reads no column at all', async () => {
    expect((await scanOf('requests | count')).columns).toEqual([]);
  });

  it('a leading where on timestamp with ago() gives the range', async () => {
    const request = await scanOf('requests | where timestamp > ago(15m) | where name has "books" | summarize count()');
    expect(request.columns).toEqual(['timestamp', 'name']);
    expect(request.timeRange).toEqual({ from: labNow - 15 * minute });
  });

  it('between and both bounds of a conjunction intersect', async () => {
    const request = await scanOf(
      'requests | where timestamp between (datetime(2026-12-01T07:00:00Z) .. datetime(2026-12-01T07:30:00Z)) and timestamp >= datetime(2026-12-01T07:10:00Z) | count',
    );
    expect(request.timeRange).toEqual({ from: Date.UTC(2026, 11, 1, 7, 10), to: Date.UTC(2026, 11, 1, 7, 30) + 1 });
  });

  it('a bound written the other way round, and one from a let', async () => {
    const request = await scanOf('let since = 1h; requests | where ago(since) <= timestamp | count');
    expect(request.timeRange).toEqual({ from: labNow - 60 * minute });
  });

  it('a where after another operator gives no range (rows may be renamed or computed)', async () => {
    const request = await scanOf('requests | extend t = timestamp | where timestamp > ago(1h) | count');
    expect(request.timeRange).toBeUndefined();
  });

  it('the timespan option bounds the scan and is intersected with the where clauses', async () => {
    const request = await scanOf('requests | where timestamp > ago(1h) | count', 'PT15M');
    expect(request.timeRange).toEqual({ from: labNow - 15 * minute, to: labNow + 1 });
    expect(request.columns).toEqual(['timestamp']);
  });
});

describe('the timespan option restricts the rows', () => {
  it('PT15M leaves out the request of 30 minutes ago', async () => {
    const all = await runQuery('requests | count', labSource, { now: () => labNow });
    const recent = await runQuery('requests | count', labSource, { now: () => labNow, timespan: 'PT15M' });
    expect(all.tables[0]!.rows).toEqual([[12]]);
    expect(recent.tables[0]!.rows).toEqual([[11]]);
  });

  it('an interval start/end', async () => {
    const result = await runQuery('requests | summarize count()', labSource, {
      now: () => labNow,
      timespan: '2026-12-01T07:55:00Z/2026-12-01T07:59:30Z',
    });
    expect(result.tables[0]!.rows).toEqual([[5]]);
  });
});
