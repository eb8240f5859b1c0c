import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { type Collector } from '../src/collector.app';
import { kustoBlocks } from '../src/report/kusto-blocks';
import { requestEnvelope } from './support/envelopes';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from '../src/testing';

/** The lab's query as its guide prints it, odd spacing and trailing blank included. */
const LAB_QUERY = `requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`;

const QUERY_FILE = join(__dirname, '..', 'queries', 'LogAnalyticsQuery.md');

interface Answer {
  status: number;
  body: { tables?: { name: string; columns: { name: string; type: string }[]; rows: unknown[][] }[]; error?: Record<string, unknown> };
}

describe("the collector's Log Analytics query API", () => {
  let collector: Collector;
  let removeDir: () => Promise<void>;

  async function query(body: string, contentType = 'application/json'): Promise<Answer> {
    const response = await request(new URL('/query', collector.listeners.plainUrl), {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
  }

  beforeAll(async () => {
    const dir = await tempDir('log-analytics');
    removeDir = dir.remove;
    collector = await startTestCollector(dir.path);
    const agent = new Agent({ connect: { ca: collector.tls.cert } });
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      body: JSON.stringify([
        requestEnvelope({ versionTag: 'V1MIR-LiveBookService', duration: '00:00:00.010' }),
        requestEnvelope({ versionTag: 'V1MIR-LiveBookService', duration: '00:00:00.030' }),
        requestEnvelope({ versionTag: 'V4MIR-BookServiceFault', duration: '00:00:00.002', responseCode: '500' }),
        requestEnvelope({ name: 'GET /books', versionTag: 'V4MIR-BookServiceFault', duration: '00:00:00.004' }),
        requestEnvelope({ versionTag: 'other', duration: '00:00:00.001' }),
      ]),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    await agent.close();
  });

  afterAll(async () => {
    await collector?.close();
    await removeDir?.();
  });

  it('answers the lab’s query, pasted verbatim, as Log Analytics does (sort by is descending)', async () => {
    const answer = await query(JSON.stringify({ query: LAB_QUERY }));
    expect(answer.status).toBe(200);
    const table = answer.body.tables?.[0];
    expect(table?.name).toBe('PrimaryResult');
    expect(table?.columns).toEqual([
      { name: 'name', type: 'string' },
      { name: 'podVersion', type: 'string' },
      { name: 'resultCode', type: 'string' },
      { name: 'duration', type: 'real' },
      { name: 'requestCount', type: 'long' },
    ]);
    expect(table?.rows).toEqual([
      ['GET /books/:id/reviews', 'V4MIR-BookServiceFault', '500', 2, 1],
      ['GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 20, 2],
      ['GET /books', 'V4MIR-BookServiceFault', '200', 4, 1],
    ]);
  }, 60_000);

  it('gives the rows the report prints: the summary endpoint runs the same query', async () => {
    const lab = await query(JSON.stringify({ query: LAB_QUERY }));
    const summary = await request(new URL('/query/requests-summary?contains=MIR-', collector.listeners.plainUrl));
    const { rows } = (await summary.body.json()) as {
      rows: { name: string; podVersion: string; resultCode: string; duration: number; requestCount: number }[];
    };
    const reported = rows.map((row) => [row.name, row.podVersion, row.resultCode, row.duration, row.requestCount]);
    // Kusto's `sort by name, podVersion` is descending; the report's ascending; the rows are the same.
    const byKey = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(reported).toHaveLength(3);
    expect([...reported].sort(byKey)).toEqual([...(lab.body.tables?.[0]?.rows ?? [])].sort(byKey));
  }, 60_000);

  it('answers many identical summary requests at once with one run, not 503 (a polling dashboard)', async () => {
    // More than the 8 queries that may wait: identical ones share the run in flight.
    const answers = await Promise.all(
      Array.from({ length: 24 }, async () => {
        const response = await request(new URL('/query/requests-summary?contains=MIR-&since=15m', collector.listeners.plainUrl));
        const body = (await response.body.json()) as { rows: unknown[] };
        return [response.statusCode, body.rows.length];
      }),
    );
    expect(answers).toEqual(Array.from({ length: 24 }, () => [200, 3]));
  }, 60_000);

  it('runs every query of LogAnalyticsQuery.md, sent as text/plain', async () => {
    const blocks = kustoBlocks(readFileSync(QUERY_FILE, 'utf8'));
    expect(blocks).toHaveLength(3);
    const [, withPercentiles, mirrors] = await Promise.all(blocks.map((block) => query(block.query, 'text/plain')));
    expect(withPercentiles?.status).toBe(200);
    expect(withPercentiles?.body.tables?.[0]?.rows[1]).toEqual([
      'GET /books/:id/reviews',
      'V1MIR-LiveBookService',
      '200',
      20,
      2,
      10,
      30,
      30,
    ]);
    expect(mirrors?.status).toBe(200);
    expect(mirrors?.body.tables?.[0]?.rows).toEqual([]);
  }, 60_000);

  it('refuses a malformed query with Log Analytics’ error shape and the position', async () => {
    const answer = await query(JSON.stringify({ query: 'requests\n| where duration > \n| take 5' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BadArgumentError', innererror: { code: 'SyntaxError', line: 2 } });
    const unsupported = await query(JSON.stringify({ query: 'requests | mv-expand customDimensions' }));
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error).toMatchObject({
      innererror: {
        code: 'UnsupportedError',
        message: expect.stringContaining("The operator 'mv-expand' is not supported by the local collector"),
      },
    });
  }, 60_000);

  it('refuses a bad request body naming what is wrong', async () => {
    expect(await query(JSON.stringify({ querry: 'requests' }))).toMatchObject({
      status: 400,
      body: { error: { code: 'BadArgumentError', message: 'unknown field "querry": the body takes query and timespan' } },
    });
    expect(await query('{"query": ')).toMatchObject({ status: 400, body: { error: { code: 'BadArgumentError' } } });
  });
});
