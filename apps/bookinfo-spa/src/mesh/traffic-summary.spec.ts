import { type DurationSummary, type TrafficStats } from '@mirrormesh/proxy';
import { isErrorCode, summarizeTraffic } from './traffic-summary';

const NO_DURATIONS: DurationSummary = {
  count: 0,
  meanMs: undefined,
  p50Ms: undefined,
  p95Ms: undefined,
  p99Ms: undefined,
  maxMs: undefined,
};
const duration = (meanMs: number, p50Ms: number, p95Ms: number, p99Ms: number, count: number): DurationSummary => ({
  count,
  meanMs,
  p50Ms,
  p95Ms,
  p99Ms,
  maxMs: p99Ms,
});

describe('summarizeTraffic', () => {
  it('gives each cluster its own counts, error rate and durations, and the role its totals', () => {
    const traffic: TrafficStats = {
      total: 10,
      byCode: [],
      duration: duration(60, 12, 400, 900, 10),
      clusters: [
        {
          cluster: 'bookservice',
          total: 9,
          byCode: [
            { code: '200', count: 6 },
            { code: '404', count: 1 },
            { code: '503', count: 2 },
          ],
          duration: duration(12.5, 10, 20, 25, 9),
        },
        {
          cluster: 'bookservice-v2',
          total: 1,
          byCode: [{ code: 'upstream_timeout', count: 1 }],
          duration: duration(900, 900, 900, 900, 1),
        },
      ],
    };
    expect(summarizeTraffic('live', traffic)).toEqual({
      role: 'live',
      clusters: [
        {
          cluster: 'bookservice',
          requests: 9,
          errors: 2,
          errorRate: 2 / 9,
          codes: [
            { code: '200', count: 6 },
            { code: '404', count: 1 },
            { code: '503', count: 2 },
          ],
          meanMs: 12.5,
          p50Ms: 10,
          p95Ms: 20,
          p99Ms: 25,
        },
        {
          cluster: 'bookservice-v2',
          requests: 1,
          errors: 1,
          errorRate: 1,
          codes: [{ code: 'upstream_timeout', count: 1 }],
          meanMs: 900,
          p50Ms: 900,
          p95Ms: 900,
          p99Ms: 900,
        },
      ],
      requests: 10,
      errors: 3,
      errorRate: 0.3,
      meanMs: 60,
      p50Ms: 12,
      p95Ms: 400,
      p99Ms: 900,
      codes: [
        { code: '200', count: 6 },
        { code: '404', count: 1 },
        { code: '503', count: 2 },
        { code: 'upstream_timeout', count: 1 },
      ],
    });
  });

  it('has no rate and no durations before the first request', () => {
    const summary = summarizeTraffic('mirror', { total: 0, byCode: [], duration: NO_DURATIONS, clusters: [] });
    expect(summary).toEqual({
      role: 'mirror',
      clusters: [],
      requests: 0,
      errors: 0,
      errorRate: null,
      meanMs: null,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      codes: [],
    });
  });

  it.each([
    ['200', false],
    ['404', false],
    ['499', false],
    ['500', true],
    ['504', true],
    ['upstream_reset', true],
    ['client_aborted', false],
  ])('isErrorCode(%s) is %s', (code, expected) => expect(isErrorCode(code)).toBe(expected));
});
