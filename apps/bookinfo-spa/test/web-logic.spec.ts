import { diffRows, exampleText } from '../web/src/dashboard/diff-figures';
import { formatMs, formatPercent, formatRate } from '../web/src/dashboard/format';
import { formatYear } from '../web/src/pages/format-year';
import { bookPath, matchRoute } from '../web/src/router/match-route';

describe('the web app routes', () => {
  it.each([
    ['/', { page: 'books' }],
    ['/books', { page: 'books' }],
    ['/books/3', { page: 'book', id: 3 }],
    ['/books/3/', { page: 'book', id: 3 }],
    ['/books/0', { page: 'not-found' }],
    ['/books/abc', { page: 'not-found' }],
    ['/books/99999999999', { page: 'not-found' }],
    ['/sign-in', { page: 'sign-in' }],
    ['/mirror', { page: 'mirror' }],
    ['/elsewhere', { page: 'not-found' }],
  ])('%s → %j', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('links to a book by id', () => expect(matchRoute(bookPath(7))).toEqual({ page: 'book', id: 7 }));
});

describe('dashboard formats', () => {
  it.each([
    [null, '—'],
    [0.42, '0.4 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1250, '1.25 s'],
  ])('formatMs(%p) is %s', (ms, text) => expect(formatMs(ms)).toBe(text));

  it('formats rates and percentages', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.125)).toBe('12.5 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(12.5)).toBe('12.5 %');
  });
});

describe('formatYear', () => {
  it('writes years before the common era as BC', () => {
    expect(formatYear(1851)).toBe('1851');
    expect(formatYear(-700)).toBe('700 BC');
  });
});

describe('the answers compared', () => {
  const path = (p: string, count: number, noise: boolean, live: unknown = 5, candidate: unknown = null) => ({
    path: p,
    kind: 'removed' as const,
    count,
    rate: count / 40,
    noiseCount: noise ? count : 0,
    noiseRate: noise ? 1 : 0,
    noise,
    example: { requestId: 'r', live, candidate },
  });
  const report = (paths: ReturnType<typeof path>[], compared = 40, pathsOverflow = 0) => ({
    pending: { count: 0, bytes: 0, maxCount: 1000, maxBytes: 33554432 },
    dropped: [],
    routes: [
      {
        route: 'books',
        mirror: 'bookservicemirror',
        compared,
        identical: 0,
        different: compared,
        regressions: compared / 2,
        noise: { cluster: 'bookservicelive2', compared, different: compared },
        paths,
        pathsOverflow,
      },
    ],
  });

  it('gives per route and mirror the diff and regression rates, differences before noise, most frequent first', () => {
    const [row] = diffRows(report([path('$.servedAt', 40, true), path('$.a', 10, false), path('$.b', 20, false)]));
    expect(row).toMatchObject({
      key: 'books→bookservicemirror',
      compared: 40,
      diffRate: 1,
      regressionRate: 0.5,
      noiseCluster: 'bookservicelive2',
    });
    expect(row!.paths.map((p) => p.path)).toEqual(['$.b', '$.a', '$.servedAt']);
  });

  it('lists at most the shown paths and counts the rest, the sidecar’s overflow included', () => {
    const many = Array.from({ length: 12 }, (_, i) => path(`$.p${i}`, 12 - i, false));
    const [row] = diffRows(report(many, 40, 3), 10);
    expect(row!.paths).toHaveLength(10);
    expect(row!.morePaths).toBe(5);
  });

  it('has no rates before the first comparison', () => {
    expect(diffRows(report([], 0))[0]).toMatchObject({ diffRate: null, regressionRate: null });
  });

  it.each([
    [5, '5'],
    ['1813', '"1813"'],
    [null, 'absent'],
    [{ a: 1 }, '{"a":1}'],
    ['x'.repeat(200), `"${'x'.repeat(78)}…`],
  ])('shows the example value %j as %s', (value, text) => expect(exampleText(value)).toBe(text));
});
