import { type CollectorRow } from './mesh-dashboard.dto';
import { versionTraffic } from './version-traffic';

const row = (podVersion: string, name: string, resultCode: string, requestCount: number, duration: number, p99: number): CollectorRow => ({
  name,
  podVersion,
  resultCode,
  requestCount,
  duration,
  p50: duration,
  p95: p99,
  p99,
});

// Regression: after rolling out v4 the Mirror page still showed v3's 1.2 s as "mirror", with
// nothing saying which version served: each version is now its own row, with its role now.
describe('versionTraffic', () => {
  const serving = [
    { kind: 'live' as const, cluster: 'bookservice', versionTag: 'V1MIR-LiveBookService' },
    { kind: 'mirror' as const, cluster: 'bookservicemirror', versionTag: 'V4MIR-BookServiceFault' },
  ];

  it('keeps each version apart, the replaced mirror as earlier, and folds operations and codes exactly', () => {
    const rows = [
      row('V1MIR-LiveBookService', 'GET /books/:id', '200', 10, 1, 2),
      row('V1MIR-LiveBookService', 'GET /books/:id/reviews', '200', 10, 3, 6),
      row('V3MIR-BookServiceDelay', 'GET /books/:id/reviews', '200', 5, 1200, 1210),
      row('V4MIR-BookServiceFault', 'GET /books/:id/reviews', '200', 6, 2, 4),
      row('V4MIR-BookServiceFault', 'GET /books/:id/reviews', '500', 2, 1, 3),
    ];
    expect(versionTraffic(rows, serving)).toEqual([
      {
        versionTag: 'V1MIR-LiveBookService',
        role: 'live',
        requests: 20,
        errors: 0,
        errorRate: 0,
        meanMs: 2,
        worstP99Ms: 6,
        codes: [{ code: '200', count: 20 }],
      },
      {
        versionTag: 'V4MIR-BookServiceFault',
        role: 'mirror',
        requests: 8,
        errors: 2,
        errorRate: 0.25,
        meanMs: 1.75,
        worstP99Ms: 4,
        codes: [
          { code: '200', count: 6 },
          { code: '500', count: 2 },
        ],
      },
      {
        versionTag: 'V3MIR-BookServiceDelay',
        role: 'earlier',
        requests: 5,
        errors: 0,
        errorRate: 0,
        meanMs: 1200,
        worstP99Ms: 1210,
        codes: [{ code: '200', count: 5 }],
      },
    ]);
  });

  it('calls a version earlier when no cluster answered the probe with it', () => {
    const unknown = [{ kind: 'mirror' as const, cluster: 'bookservicemirror', versionTag: null }];
    expect(versionTraffic([row('V2MIR-BookService', 'GET /books', '200', 1, 1, 1)], unknown)[0]?.role).toBe('earlier');
  });
});
