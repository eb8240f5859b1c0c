import { type DiffPathReport, type DiffReport, type DiffRouteReport } from '../diff/diff-report';
import { judgeDiff } from './diff-verdict';

const path = (p: string, kind: DiffPathReport['kind'], count: number, noise = false): DiffPathReport => ({
  path: p,
  kind,
  count,
  rate: count / 40,
  noiseCount: noise ? count : 0,
  noiseRate: noise ? count / 40 : 0,
  noise,
  example: { requestId: 'r1', live: 1, candidate: null },
});
const servedAt = path('$.servedAt', 'value-changed', 40, true);
const route = (paths: DiffPathReport[], compared = 40): DiffRouteReport => ({
  route: 'books',
  mirror: 'bookservicemirror',
  compared,
  identical: 0,
  different: compared,
  regressions: 0,
  noise: { cluster: 'bookservicelive2', compared, different: compared },
  paths,
  pathsOverflow: 0,
});
const report = (routes: DiffRouteReport[], dropped: DiffReport['dropped'] = []): DiffReport => ({
  pending: { count: 0, bytes: 0, maxCount: 1000, maxBytes: 33554432 },
  dropped,
  routes,
});
const schemaChange = [
  servedAt,
  ...[0, 1, 2].flatMap((i) => [path(`$.reviews[${i}].rating`, 'removed', 20), path(`$.reviews[${i}].stars`, 'added', 20)]),
  path('$.year', 'type-changed', 20),
];

describe('judgeDiff', () => {
  it('v2: passes when only noise differs, and says which', () => {
    expect(judgeDiff('v2-mirroring', report([route([servedAt])]), 40)).toEqual({
      finding: '40 answers compared, none differ beyond noise; noise: $.servedAt',
      failures: [],
    });
  });

  it('v2: fails on a difference that is not noise, naming it', () => {
    const verdict = judgeDiff('v2-mirroring', report([route([servedAt, path('$.title', 'value-changed', 4)])]), 40);
    expect(verdict.failures).toEqual(['mirror answers differ beyond noise: $.title value-changed 10 %']);
  });

  it('v2: fails when servedAt is not recognised as noise (too few noise samples, or no noise cluster)', () => {
    const verdict = judgeDiff('v2-mirroring', report([route([{ ...servedAt, noise: false }])]), 40);
    expect(verdict.failures).toContain('$.servedAt differs (100 %) but is not classified as noise');
  });

  it('v5: names the schema change, one path per shape, most frequent first', () => {
    const verdict = judgeDiff('v5-schema-change', report([route(schemaChange)]), 40);
    expect(verdict).toEqual({
      finding:
        'mirror answers differ: $.reviews[0].rating removed 50 %, $.reviews[0].stars added 50 %, $.year type-changed 50 %, … (4 more); noise: $.servedAt',
      failures: [],
    });
  });

  it('v5: fails when a part of the schema change is missing', () => {
    const withoutYear = schemaChange.filter((p) => p.path !== '$.year');
    expect(judgeDiff('v5-schema-change', report([route(withoutYear)]), 40).failures).toEqual([
      'the comparison does not show $.year type-changed',
    ]);
    const asNoise = schemaChange.map((p) => ({ ...p, noise: true }));
    expect(judgeDiff('v5-schema-change', report([route(asNoise)]), 40).failures).toHaveLength(3);
  });

  it('v4: wants the mirror’s 500s as a changed status', () => {
    const fault = [servedAt, path('status', 'value-changed', 4), path('$.code', 'added', 4)];
    expect(judgeDiff('v4-fault', report([route(fault)]), 40).failures).toEqual([]);
    expect(judgeDiff('v4-fault', report([route([servedAt])]), 40).failures).toEqual([
      "the comparison does not show the mirror's 500s (status value-changed)",
    ]);
  });

  // Regression: v4's 500 answers are problem bodies without servedAt; that `removed` path is a
  // real difference, not servedAt failing to be noise.
  it('v4: servedAt removed from the error bodies is a difference, its changing value still noise', () => {
    const fault = [path('$.servedAt', 'value-changed', 36, true), path('$.servedAt', 'removed', 4), path('status', 'value-changed', 4)];
    const verdict = judgeDiff('v4-fault', report([route(fault)]), 40);
    expect(verdict.failures).toEqual([]);
    expect(verdict.finding).toBe('mirror answers differ: status value-changed 10 %, $.servedAt removed 10 %; noise: $.servedAt');
  });

  it('fails when answers went uncompared, counting drops as accounted for', () => {
    expect(judgeDiff('v2-mirroring', report([route([servedAt], 30)]), 40).failures).toEqual([
      'the sidecar compared 30 answers (0 dropped), the client sent 40',
    ]);
    const dropped = [{ route: 'books', mirror: 'bookservicemirror', reason: 'timeout', count: 10 }];
    expect(judgeDiff('v3-delays', report([route([servedAt], 30)], dropped), 40).failures).toEqual([]);
    expect(judgeDiff('v2-mirroring', report([]), 40).failures).toEqual([
      'the sidecar compared no answers',
      'the sidecar compared 0 answers (0 dropped), the client sent 40',
    ]);
  });

  it('reads only the mirror cluster’s comparisons', () => {
    const other = { ...route([path('$.title', 'value-changed', 40)]), mirror: 'elsewhere' };
    expect(judgeDiff('v2-mirroring', report([route([servedAt]), other]), 40).failures).toEqual([]);
  });
});
