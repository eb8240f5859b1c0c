import { createServer, type ServerResponse } from 'node:http';
import { type LogQueryRefusal, type LogQueryResult } from '../src/mesh/log-query.dto';
import { LOG_QUERY_LIMITS } from '../src/mesh/log-query.schema';
import { startFakeCollector, type FakeCollector } from './support/fake-collector';
import { answerLabQueries, LAB_RESULT, MALFORMED_QUERY, type FakeQueryHandler } from './support/fake-log-analytics';
import { post } from './support/http';
import { labQuery } from './support/lab-query';
import { startSpa, type RunningSpa } from './support/spa-fixture';

/** No request here reaches /api: the live cluster's endpoint is never dialled. */
const UNUSED_LIVE = '127.0.0.1:9';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

describe('POST /_mesh/query relays Log Analytics queries to the collector', () => {
  let collector: FakeCollector;
  let spa: RunningSpa;
  let handler: FakeQueryHandler = answerLabQueries;

  beforeAll(async () => {
    collector = await startFakeCollector(undefined, (request) => handler(request));
    spa = await startSpa({ live: UNUSED_LIVE, env: { COLLECTOR_URL: collector.url } });
  }, 30_000);
  afterEach(() => {
    handler = answerLabQueries;
  });
  afterAll(async () => {
    await spa?.close();
    await collector?.close();
  });

  const query = (body: unknown) => post(`${spa.url}/_mesh/query`, body);

  it('relays the answer to the lab’s query as it is, and the timespan with the query', async () => {
    const answer = await query({ query: labQuery(), timespan: 'PT15M' });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json<LogQueryResult>()).toEqual(LAB_RESULT);
    expect(collector.posts.at(-1)).toEqual({ query: labQuery(), timespan: 'PT15M' });
  });

  it('sends no timespan when none is given', async () => {
    expect((await query({ query: labQuery() })).status).toBe(200);
    expect(collector.posts.at(-1)).toEqual({ query: labQuery() });
  });

  it('relays a refusal with its message, code and position', async () => {
    const answer = await query({ query: MALFORMED_QUERY });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json<LogQueryRefusal>()).toMatchObject({
      status: 400,
      code: 'QUERY_REFUSED',
      detail: 'Missing expression (line 2, column 8)',
      refusal: { code: 'SyntaxError', message: 'Missing expression (line 2, column 8)', line: 2, column: 8 },
    });
  });

  it('relays a refusal without a position (a limit) with null line and column', async () => {
    handler = () => ({
      status: 400,
      body: {
        error: {
          code: 'BadArgumentError',
          message: 'x',
          innererror: { code: 'LimitError', message: 'The query returned more than 50000 rows: narrow it with where, summarize or take' },
        },
      },
    });
    expect((await query({ query: 'requests' })).json<LogQueryRefusal>().refusal).toEqual({
      code: 'LimitError',
      message: 'The query returned more than 50000 rows: narrow it with where, summarize or take',
      line: null,
      column: null,
    });
  });

  it(`refuses a query over ${LOG_QUERY_LIMITS.maxQueryBytes} bytes with 413 naming the limit, without asking the collector`, async () => {
    const before = collector.posts.length;
    const answer = await query({ query: `requests | where name == "${'x'.repeat(LOG_QUERY_LIMITS.maxQueryBytes)}"` });
    expect(answer.status).toBe(413);
    expect(answer.json<Problem>()).toMatchObject({ code: 'QUERY_TOO_LARGE', detail: 'query must be at most 65536 bytes (UTF-8)' });
    expect(collector.posts.length).toBe(before);
  });

  it.each([
    [{}, 'query is required'],
    [{ query: '  \n' }, 'query must not be blank'],
    [{ query: 42 }, 'query must be a string'],
    [{ query: 'requests', timespan: 'PT15M; drop' }, 'timespan must be an ISO 8601 duration or interval such as PT15M, P1D or start/end'],
    [{ query: 'requests', timespan: 'P'.repeat(65) }, 'timespan must be at most 64 characters'],
    [{ query: 'requests', extra: 1 }, 'extra'],
  ])('refuses the body %j with 400 naming what is wrong', async (body, words) => {
    const answer = await query(body);
    expect(answer.status).toBe(400);
    expect(answer.json<Problem>().code).toBe('INVALID_QUERY_REQUEST');
    expect(answer.json<Problem>().detail).toContain(words);
  });

  it('answers 502 when the collector’s answer is not a query result, without its content', async () => {
    handler = () => ({
      status: 200,
      body: { tables: [{ name: 'PrimaryResult', columns: [{ name: 'a', type: 'long' }], rows: [[1, 2]] }] },
    });
    const answer = await query({ query: 'requests' });
    expect(answer.status).toBe(502);
    expect(answer.json<Problem>()).toMatchObject({
      code: 'COLLECTOR_BAD_ANSWER',
      detail: 'The collector answered with something that is not a query result.',
    });
  });

  it.each([
    ['not JSON', { status: 200, body: null, raw: '<html>' }],
    ['a 500', { status: 500, body: { error: 'boom at /srv/secret' } }],
    ['a 400 of another shape', { status: 400, body: { message: 'no' } }],
    ['an object cell', { status: 200, body: { tables: [{ name: 'T', columns: [{ name: 'd', type: 'dynamic' }], rows: [[{ a: 1 }]] }] } }],
  ])('answers 502 for %s', async (_, answer) => {
    handler = () => answer;
    const relayed = await query({ query: 'requests' });
    expect(relayed.status).toBe(502);
    expect(relayed.text()).not.toContain('secret');
  });

  it(`answers 502 naming the bound for an answer over ${LOG_QUERY_LIMITS.maxAnswerBytes} bytes`, async () => {
    const big = 'x'.repeat(1024);
    const rows = Array.from({ length: LOG_QUERY_LIMITS.maxAnswerBytes / 1024 + 10 }, () => [big]);
    handler = () => ({ status: 200, body: { tables: [{ name: 'PrimaryResult', columns: [{ name: 'url', type: 'string' }], rows }] } });
    const answer = await query({ query: 'requests | project url' });
    expect(answer.status).toBe(502);
    expect(answer.json<Problem>()).toMatchObject({
      code: 'QUERY_ANSWER_TOO_LARGE',
      detail: 'The answer is larger than 4 MiB: narrow the query with where, summarize, project or take.',
    });
  });

  it(`relays at most ${LOG_QUERY_LIMITS.maxRows} rows and says how many there were`, async () => {
    const rows = Array.from({ length: LOG_QUERY_LIMITS.maxRows + 5 }, (_, i) => [i]);
    handler = () => ({ status: 200, body: { tables: [{ name: 'PrimaryResult', columns: [{ name: 'n', type: 'long' }], rows }] } });
    const answer = (await query({ query: 'requests | project n' })).json<LogQueryResult>();
    expect(answer.tables[0]?.rows).toHaveLength(LOG_QUERY_LIMITS.maxRows);
    expect(answer.tables[0]?.rows.at(-1)).toEqual([LOG_QUERY_LIMITS.maxRows - 1]);
    expect(answer.truncated).toEqual({ relayedRows: LOG_QUERY_LIMITS.maxRows, totalRows: LOG_QUERY_LIMITS.maxRows + 5 });
  });
});

describe('POST /_mesh/query when the collector cannot answer', () => {
  const spas: RunningSpa[] = [];
  afterAll(async () => {
    await Promise.all(spas.map((spa) => spa.close()));
  });

  it('answers 503 when no collector is configured', async () => {
    const spa = await startSpa({ live: UNUSED_LIVE });
    spas.push(spa);
    const answer = await post(`${spa.url}/_mesh/query`, { query: 'requests' });
    expect(answer.status).toBe(503);
    expect(answer.json<Problem>().code).toBe('COLLECTOR_NOT_CONFIGURED');
  });

  it('answers 503 when the collector is down, without the cause’s internals', async () => {
    const gone = await startFakeCollector();
    await gone.close();
    const spa = await startSpa({ live: UNUSED_LIVE, env: { COLLECTOR_URL: gone.url } });
    spas.push(spa);
    const answer = await post(`${spa.url}/_mesh/query`, { query: 'requests' });
    expect(answer.status).toBe(503);
    expect(answer.json<Problem>()).toMatchObject({
      code: 'COLLECTOR_UNREACHABLE',
      detail: 'The collector could not be reached; try again shortly.',
    });
    expect(answer.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it(`refuses a query past ${LOG_QUERY_LIMITS.maxInFlight} in flight with 503, and takes queries again once they finish`, async () => {
    // Holds every query until released: the relay's in-flight count is all that refuses the next one.
    const held: ServerResponse[] = [];
    const holding = createServer((req, res) => {
      req.resume();
      req.on('end', () => held.push(res));
    });
    await new Promise<void>((resolve) => holding.listen(0, '127.0.0.1', resolve));
    const port = (holding.address() as { port: number }).port;
    try {
      const spa = await startSpa({ live: UNUSED_LIVE, env: { COLLECTOR_URL: `http://127.0.0.1:${port}` } });
      spas.push(spa);
      const ask = () => post(`${spa.url}/_mesh/query`, { query: 'requests' });
      const running = Array.from({ length: LOG_QUERY_LIMITS.maxInFlight }, ask);
      while (held.length < LOG_QUERY_LIMITS.maxInFlight) await new Promise((resolve) => setTimeout(resolve, 10));
      const refused = await ask();
      expect(refused.status).toBe(503);
      expect(refused.json<Problem>()).toMatchObject({
        code: 'QUERIES_BUSY',
        detail: `${LOG_QUERY_LIMITS.maxInFlight} queries are already running: try again when one has finished.`,
      });
      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(LAB_RESULT));
      expect((await Promise.all(running)).map((a) => a.status)).toEqual(running.map(() => 200));
      const again = ask();
      while (held.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      held[0]?.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(LAB_RESULT));
      expect((await again).status).toBe(200);
    } finally {
      holding.closeAllConnections();
      await new Promise((resolve) => holding.close(resolve));
    }
  });

  it('answers 504 when the collector does not answer within COLLECTOR_QUERY_TIMEOUT_MS', async () => {
    // Takes the request and never answers: only the deadline ends the exchange.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const spa = await startSpa({
        live: UNUSED_LIVE,
        env: { COLLECTOR_URL: `http://127.0.0.1:${port}`, COLLECTOR_QUERY_TIMEOUT_MS: '300' },
      });
      spas.push(spa);
      const answer = await post(`${spa.url}/_mesh/query`, { query: 'requests' });
      expect(answer.status).toBe(504);
      expect(answer.json<Problem>().code).toBe('COLLECTOR_TIMEOUT');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
