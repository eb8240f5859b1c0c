import { diffAnswers, type AnswerDifference } from './answer-diff';
import { type CapturedAnswer } from './captured-answer';
import { REDACTED } from '../config/redact-config';
import { compileCompareRules } from './compare-rules';
import { DiffAggregator, DIFF_VERDICT_MAX_PATHS } from './diff-aggregator';

const removed = (path: string, live: unknown = 1): AnswerDifference => ({ path, kind: 'removed', live: live as number, other: undefined });
const changed = (path: string, live: unknown, other: unknown): AnswerDifference => ({
  path,
  kind: 'value-changed',
  live: live as string,
  other: other as string,
});

describe('DiffAggregator', () => {
  it('counts identical and different pairs and returns exactly the report items of GET /diff', () => {
    const aggregator = new DiffAggregator();
    expect(aggregator.recordCandidate('reviews', 'mirror', 'r1', [])).toEqual({ result: 'identical', regression: false, paths: [] });
    expect(aggregator.recordCandidate('reviews', 'mirror', 'r2', [removed('$.rating', 5)])).toEqual({
      result: 'different',
      regression: true,
      paths: ['$.rating'],
    });
    expect(aggregator.snapshot()).toEqual([
      {
        route: 'reviews',
        mirror: 'mirror',
        compared: 2,
        identical: 1,
        different: 1,
        regressions: 1,
        noise: null,
        paths: [
          {
            path: '$.rating',
            kind: 'removed',
            count: 1,
            rate: 0.5,
            noiseCount: 0,
            noiseRate: 0,
            noise: false,
            example: { requestId: 'r2', live: 5, candidate: null },
          },
        ],
        pathsOverflow: 0,
      },
    ]);
  });

  it('keeps the first example of a path, and counts a (path, kind) once per pair', () => {
    const aggregator = new DiffAggregator();
    aggregator.recordCandidate('r', 'm', 'first', [changed('$.a', 1, 2), changed('$.a', 1, 2), removed('$.a')]);
    aggregator.recordCandidate('r', 'm', 'second', [changed('$.a', 3, 4)]);
    const [report] = aggregator.snapshot();
    expect(report?.paths.map((p) => [p.path, p.kind, p.count, p.example])).toEqual([
      ['$.a', 'value-changed', 2, { requestId: 'first', live: 1, candidate: 2 }],
      ['$.a', 'removed', 1, { requestId: 'first', live: 1, candidate: null }],
    ]);
  });

  it('redacts examples by the rules configured for the route and mirror', () => {
    const aggregator = new DiffAggregator();
    aggregator.configure('r', 'm', { rules: compileCompareRules({ redact: ['$.user.email'] }) });
    aggregator.recordCandidate('r', 'm', 'id', [
      { path: '$.user', kind: 'added', live: undefined, other: { email: 'a@b.c', name: 'Ann' } },
      changed('headers.set-cookie', 'a=1', 'a=2'),
      changed('$.note', 'n'.repeat(300), 'short'),
    ]);
    const examples = aggregator.snapshot()[0]?.paths.map((p) => [p.path, p.example.live, p.example.candidate]);
    expect(examples).toEqual([
      ['$.note', `${'n'.repeat(199)}…`, 'short'],
      ['$.user', null, { email: REDACTED, name: 'Ann' }],
      ['headers.set-cookie', REDACTED, REDACTED],
    ]);
  });

  it('keeps at most maxPaths paths, counts the rest in pathsOverflow, and calls their pair a regression', () => {
    const aggregator = new DiffAggregator({ maxPaths: 3 });
    aggregator.recordCandidate(
      'r',
      'm',
      '1',
      ['$.a', '$.b', '$.c', '$.d', '$.e'].map((p) => removed(p)),
    );
    aggregator.recordCandidate('r', 'm', '2', [removed('$.e'), removed('$.a')]);
    const [report] = aggregator.snapshot();
    expect(report?.paths.map((p) => [p.path, p.count])).toEqual([
      ['$.a', 2],
      ['$.b', 1],
      ['$.c', 1],
    ]);
    expect(report?.pathsOverflow).toBe(3);
    expect(report?.regressions).toBe(2);
  });

  it('names at most DIFF_VERDICT_MAX_PATHS paths in a verdict', () => {
    const aggregator = new DiffAggregator();
    const many = Array.from({ length: 25 }, (_, i) => removed(`$.f${i}`));
    const verdict = aggregator.recordCandidate('r', 'm', 'id', many);
    expect(verdict.paths).toEqual(many.slice(0, DIFF_VERDICT_MAX_PATHS).map((d) => d.path));
  });

  it('ignores noise pairs for a route and mirror without a noise cluster', () => {
    const aggregator = new DiffAggregator();
    aggregator.recordNoise('r', 'm', [removed('$.a')]);
    aggregator.configure('r', 'm', {});
    aggregator.recordNoise('r', 'm', [removed('$.a')]);
    expect(aggregator.snapshot()[0]?.noise).toBeNull();
  });

  it('orders routes by route then mirror, and paths by count then path', () => {
    const aggregator = new DiffAggregator();
    aggregator.recordCandidate('b', 'm', '1', []);
    aggregator.recordCandidate('a', 'z', '1', []);
    aggregator.recordCandidate('a', 'm', '1', [removed('$.y'), removed('$.x')]);
    aggregator.recordCandidate('a', 'm', '2', [removed('$.y')]);
    const reports = aggregator.snapshot();
    expect(reports.map((r) => `${r.route}/${r.mirror}`)).toEqual(['a/m', 'a/z', 'b/m']);
    expect(reports[0]?.paths.map((p) => p.path)).toEqual(['$.y', '$.x']);
  });

  it('starts the noise counts afresh when the noise cluster changes, and keeps them on a same-cluster reload', () => {
    const aggregator = new DiffAggregator();
    aggregator.configure('r', 'm', { noiseCluster: 'live2' });
    aggregator.recordNoise('r', 'm', [removed('$.a')]);
    aggregator.configure('r', 'm', { noiseCluster: 'live2' });
    expect(aggregator.snapshot()[0]?.noise).toEqual({ cluster: 'live2', compared: 1, different: 1 });
    aggregator.configure('r', 'm', { noiseCluster: 'live3' });
    expect(aggregator.snapshot()[0]?.noise).toEqual({ cluster: 'live3', compared: 0, different: 0 });
  });
});

describe('DiffAggregator with a noise cluster (the schema-change scenario)', () => {
  const liveAnswer = (servedAt: string): CapturedAnswer => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    contentType: 'application/json',
    requestId: 'id',
    body: Buffer.from(JSON.stringify({ id: 1, servedAt, reviews: [{ reviewer: 'A', rating: 5 }] })),
  });
  const candidateAnswer = (servedAt: string): CapturedAnswer => ({
    ...liveAnswer(servedAt),
    body: Buffer.from(JSON.stringify({ id: 1, servedAt, reviews: [{ reviewer: 'A', stars: 5 }] })),
  });

  it('calls servedAt noise once the live instances disagree on it often enough, and the rename a regression always', () => {
    const aggregator = new DiffAggregator();
    const rules = compileCompareRules({ ignore: [] });
    aggregator.configure('reviews', 'bookservicemirror', { rules, noiseCluster: 'bookservicelive2' });
    const verdicts = [];
    for (let i = 0; i < 30; i += 1) {
      const live = liveAnswer(`t${i}`);
      aggregator.recordNoise('reviews', 'bookservicemirror', diffAnswers(live, liveAnswer(`u${i}`), rules));
      verdicts.push(
        aggregator.recordCandidate('reviews', 'bookservicemirror', `req-${i}`, diffAnswers(live, candidateAnswer(`v${i}`), rules)),
      );
    }
    // servedAt is noise from the 20th noise sample on; the rename never is.
    expect(verdicts[18]?.paths).toEqual(['$.servedAt', '$.reviews[0].rating', '$.reviews[0].stars']);
    expect(verdicts[19]?.paths).toEqual(['$.reviews[0].rating', '$.reviews[0].stars']);
    const [report] = aggregator.snapshot();
    expect(report).toMatchObject({ compared: 30, identical: 0, different: 30, regressions: 30 });
    expect(report?.noise).toEqual({ cluster: 'bookservicelive2', compared: 30, different: 30 });
    expect(report?.paths.map((p) => [p.path, p.kind, p.count, p.rate, p.noiseCount, p.noiseRate, p.noise])).toEqual([
      ['$.reviews[0].rating', 'removed', 30, 1, 0, 0, false],
      ['$.reviews[0].stars', 'added', 30, 1, 0, 0, false],
      ['$.servedAt', 'value-changed', 30, 1, 30, 1, true],
    ]);
  });

  it('counts a pair whose only difference is noise as different but not a regression', () => {
    const aggregator = new DiffAggregator();
    aggregator.configure('r', 'm', { noiseCluster: 'live2' });
    for (let i = 0; i < 20; i += 1) aggregator.recordNoise('r', 'm', [changed('$.servedAt', 'a', 'b')]);
    expect(aggregator.recordCandidate('r', 'm', 'id', [changed('$.servedAt', 'a', 'c')])).toEqual({
      result: 'different',
      regression: false,
      paths: [],
    });
    expect(aggregator.snapshot()[0]).toMatchObject({ different: 1, regressions: 0 });
  });
});
