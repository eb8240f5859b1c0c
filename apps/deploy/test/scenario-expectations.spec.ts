import {
  EXPECTATION_LIMITS,
  LIVE_VERSION_TAG,
  REVIEWS_REQUEST,
  ScenarioExpectationError,
  unmetExpectations,
  verifyScenario,
  type SummaryRow,
} from '../src';
import { startServer, type TestServer } from './support/http-server';

const row = (podVersion: string, duration: number, resultCode = '200', requestCount = 10, name = REVIEWS_REQUEST): SummaryRow => ({
  name,
  podVersion,
  resultCode,
  duration,
  requestCount,
});

describe('unmetExpectations', () => {
  it('accepts v3-delays with a slow mirror and a fast live service', () => {
    expect(unmetExpectations('v3-delays', [row(LIVE_VERSION_TAG, 4), row('V3MIR-BookServiceDelay', 1207)])).toEqual([]);
  });

  it('refuses v3-delays while the mirror is not slow, or live is slow', () => {
    expect(unmetExpectations('v3-delays', [row(LIVE_VERSION_TAG, 4), row('V3MIR-BookServiceDelay', 20)])).toEqual([
      `mirror average 20.0 ms on ${REVIEWS_REQUEST} is below ${EXPECTATION_LIMITS.mirrorDelayMinAvgMs} ms`,
    ]);
    expect(unmetExpectations('v3-delays', [row(LIVE_VERSION_TAG, 400), row('V3MIR-BookServiceDelay', 1300)])).toEqual([
      `live average 400.0 ms on ${REVIEWS_REQUEST} is not below ${EXPECTATION_LIMITS.liveMaxAvgMs} ms`,
    ]);
  });

  it('weights averages by request count across result codes', () => {
    const mirror = [row('V3MIR-BookServiceDelay', 1200, '200', 9), row('V3MIR-BookServiceDelay', 100, '404', 1)];
    expect(unmetExpectations('v3-delays', [row(LIVE_VERSION_TAG, 4), ...mirror])).toEqual([]);
  });

  it('waits for rows that have not arrived yet', () => {
    expect(unmetExpectations('v3-delays', [])).toEqual([
      `no ${LIVE_VERSION_TAG} rows for ${REVIEWS_REQUEST} yet`,
      `no V3MIR-BookServiceDelay rows for ${REVIEWS_REQUEST} yet`,
    ]);
  });

  it('wants 500s from the v4 mirror and none from live', () => {
    expect(
      unmetExpectations('v4-fault', [
        row(LIVE_VERSION_TAG, 4),
        row('V4MIR-BookServiceFault', 3, '500', 4),
        row('V4MIR-BookServiceFault', 3),
      ]),
    ).toEqual([]);
    expect(unmetExpectations('v4-fault', [row(LIVE_VERSION_TAG, 4, '500'), row('V4MIR-BookServiceFault', 3)])).toEqual([
      `live answered 5xx on ${REVIEWS_REQUEST}`,
      `mirror has no 500 on ${REVIEWS_REQUEST}`,
    ]);
  });

  it('accepts v5-schema-change with a mirror answering like live in codes, and refuses its 5xx', () => {
    const mirror = 'V5MIR-BookServiceSchemaChange';
    expect(unmetExpectations('v5-schema-change', [row(LIVE_VERSION_TAG, 4), row(mirror, 4)])).toEqual([]);
    expect(unmetExpectations('v5-schema-change', [row(LIVE_VERSION_TAG, 4), row(mirror, 4, '500', 2)])).toEqual([
      `mirror answered 5xx on ${REVIEWS_REQUEST}`,
    ]);
    expect(unmetExpectations('v5-schema-change', [row(LIVE_VERSION_TAG, 4)])).toEqual([`no ${mirror} rows for ${REVIEWS_REQUEST} yet`]);
  });

  it('flags a mirror VersionTag in v1-live, which mirrors nothing', () => {
    expect(unmetExpectations('v1-live', [row(LIVE_VERSION_TAG, 4), row('V2MIR-BookService', 4)])).toEqual([
      'unexpected VersionTags: V2MIR-BookService',
    ]);
  });
});

describe('verifyScenario against a collector', () => {
  let collector: TestServer;
  let rows: SummaryRow[] = [];
  let queries: string[] = [];
  beforeAll(async () => {
    collector = await startServer((req, res) => {
      queries.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ rows }));
    });
  });
  afterAll(() => collector.close());
  beforeEach(() => {
    rows = [];
    queries = [];
  });

  it('polls the lab query until the expectations hold', async () => {
    setTimeout(() => (rows = [row(LIVE_VERSION_TAG, 3), row('V3MIR-BookServiceDelay', 1250)]), 1_500);
    const result = await verifyScenario({ collectorUrl: collector.url, scenario: 'v3-delays', timeoutMs: 10_000 });
    expect(result).toHaveLength(2);
    expect(queries.length).toBeGreaterThan(1);
    expect(queries[0]).toBe('/query/requests-summary?contains=MIR-');
  });

  it('gives up at the deadline with what is still unmet and the last summary', async () => {
    rows = [row(LIVE_VERSION_TAG, 3), row('V3MIR-BookServiceDelay', 30)];
    const attempt = verifyScenario({ collectorUrl: collector.url, scenario: 'v3-delays', timeoutMs: 1_500 });
    await expect(attempt).rejects.toThrow(ScenarioExpectationError);
    await expect(verifyScenario({ collectorUrl: collector.url, scenario: 'v3-delays', timeoutMs: 100 })).rejects.toThrow(
      /^v3-delays: mirror average 30\.0 ms .* is below 1000 ms; last summary:\nname .*\nGET \/books\/:id\/reviews +V1MIR-LiveBookService/,
    );
  });
});
