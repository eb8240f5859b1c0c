import { isErrorCode, summarizeTraffic } from './traffic-summary';

describe('summarizeTraffic', () => {
  const duration = { count: 4, meanMs: 12.5, p50Ms: 10, p99Ms: 25 };

  it('counts per cluster and code, 5xx and unanswered exchanges as errors', () => {
    const summary = summarizeTraffic(
      'live',
      [
        { route: 'books', cluster: 'bookservice', code: '200', count: 6 },
        { route: 'books', cluster: 'bookservice', code: '404', count: 1 },
        { route: 'books', cluster: 'bookservice', code: '503', count: 2 },
        { route: 'books', cluster: 'bookservice-v2', code: 'upstream_timeout', count: 1 },
        { route: '', cluster: '', code: '404', count: 50 },
      ],
      duration,
    );
    expect(summary).toEqual({
      role: 'live',
      clusters: [
        { cluster: 'bookservice', requests: 9, errors: 2 },
        { cluster: 'bookservice-v2', requests: 1, errors: 1 },
      ],
      requests: 10,
      errors: 3,
      errorRate: 0.3,
      meanMs: 12.5,
      p50Ms: 10,
      p99Ms: 25,
      codes: [
        { code: '200', count: 6 },
        { code: '404', count: 1 },
        { code: '503', count: 2 },
        { code: 'upstream_timeout', count: 1 },
      ],
    });
  });

  it('has no rate and no durations before the first request', () => {
    const summary = summarizeTraffic('mirror', [], { count: 0, meanMs: undefined, p50Ms: undefined, p99Ms: Number.POSITIVE_INFINITY });
    expect(summary).toEqual(expect.objectContaining({ requests: 0, errorRate: null, meanMs: null, p50Ms: null, p99Ms: null }));
  });

  it.each([
    ['200', false],
    ['404', false],
    ['499', false],
    ['500', true],
    ['504', true],
    ['upstream_reset', true],
  ])('isErrorCode(%s) is %s', (code, expected) => expect(isErrorCode(code)).toBe(expected));
});
