import { shadowCheck, weightedCheck, type CheckThresholds } from './canary-checks';
import { type IntervalMetrics } from './interval-metrics';

const T: CheckThresholds = { minSuccessRate: 99, maxP99Ms: 500, maxDiffRate: 0.01 };
const m = (requests: number, failures: number, p99Ms: number | undefined): IntervalMetrics => ({
  requests,
  failures,
  successRate: requests === 0 ? undefined : ((requests - failures) * 100) / requests,
  p99Ms,
});

describe('canary checks', () => {
  it.each([
    ['healthy', m(100, 0, 20), true, []],
    ['5xx over the limit', m(100, 5, 20), false, ['canary success rate 95.0 % < 99 % (5/100 failed)']],
    ['slow', m(100, 0, 900), false, ['canary p99 900.0 ms > 500 ms']],
    ['no traffic', m(0, 0, undefined), false, ['no traffic reached the canary in this interval']],
  ])('weighted: %s', (_name, canary, passed, failures) => {
    expect(weightedCheck(canary, T)).toEqual({ passed, failures });
  });

  it('shadow: passes a mirror as healthy as live with no regression', () => {
    expect(shadowCheck(m(50, 0, 20), m(50, 0, 15), { compared: 50, rate: 0, path: undefined }, T)).toEqual({ passed: true, failures: [] });
  });

  it('shadow: fails on the diff rate, naming the path', () => {
    const result = shadowCheck(m(50, 0, 20), m(50, 0, 15), { compared: 50, rate: 0.5, path: '$.reviews[0].rating' }, T);
    expect(result).toEqual({ passed: false, failures: ['diff rate 50.0 % > 1.0 % on $.reviews[0].rating (50 compared)'] });
  });

  it('shadow: a success rate under the minimum passes when live is no better, fails when live is', () => {
    expect(shadowCheck(m(100, 10, 20), m(100, 10, 20), undefined, { ...T, maxDiffRate: undefined }).passed).toBe(true);
    expect(shadowCheck(m(100, 10, 20), m(100, 0, 20), undefined, { ...T, maxDiffRate: undefined }).failures).toEqual([
      'mirror success rate 90.0 % < 99 % (10/100 failed)',
    ]);
  });

  it('shadow: an interval with mirrored traffic but nothing compared fails when a diff maximum is set', () => {
    expect(shadowCheck(m(10, 0, 20), m(10, 0, 20), { compared: 0, rate: undefined, path: undefined }, T).failures).toEqual([
      'no live/mirror pair was compared in this interval',
    ]);
  });
});
