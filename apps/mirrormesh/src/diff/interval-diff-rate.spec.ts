import { type DiffPathReport, type DiffRouteReport } from './diff-report';
import { intervalDiffRate } from './interval-diff-rate';

const path = (p: string, count: number, noise = false): DiffPathReport => ({
  path: p,
  kind: 'value-changed',
  count,
  rate: 0,
  noiseCount: 0,
  noiseRate: 0,
  noise,
  example: { requestId: 'r', live: 1, candidate: 2 },
});
const route = (compared: number, paths: DiffPathReport[]): DiffRouteReport => ({
  route: 'books',
  mirror: 'bookservicemirror',
  compared,
  identical: 0,
  different: 0,
  regressions: 0,
  noise: null,
  paths,
  pathsOverflow: 0,
});

describe('per-interval diff rate from two GET /diff reads', () => {
  it('takes the largest non-noise path rate of the interval only', () => {
    const before = route(100, [path('$.servedAt', 100, true), path('$.reviews[0].rating', 0)]);
    const after = route(150, [path('$.servedAt', 150, true), path('$.reviews[0].rating', 25), path('$.year', 5)]);
    expect(intervalDiffRate(before, after)).toEqual({ compared: 50, rate: 0.5, path: '$.reviews[0].rating' });
  });

  it('ignores noise even when it differs on every pair', () => {
    const after = route(10, [path('$.servedAt', 10, true)]);
    expect(intervalDiffRate(undefined, after)).toEqual({ compared: 10, rate: 0, path: undefined });
  });

  it('has no rate when nothing was compared in the interval', () => {
    const same = route(10, [path('$.a', 10)]);
    expect(intervalDiffRate(same, same)).toEqual({ compared: 0, rate: undefined, path: undefined });
  });

  it('starts again from 0 after a restart of the proxy', () => {
    expect(intervalDiffRate(route(500, [path('$.a', 500)]), route(4, [path('$.a', 1)]))).toEqual({ compared: 4, rate: 0.25, path: '$.a' });
  });
});
