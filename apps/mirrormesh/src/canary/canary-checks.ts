import { type IntervalDiffRate } from '../diff/interval-diff-rate';
import { type CheckResult } from './canary-analysis';
import { type IntervalMetrics } from './interval-metrics';

/** What a check holds the canary to. */
export interface CheckThresholds {
  /** Percent, 0-100. */
  readonly minSuccessRate: number;
  readonly maxP99Ms: number;
  /** Fraction 0-1; shadow mode only, undefined to leave the diff out. */
  readonly maxDiffRate: number | undefined;
}

const pct = (v: number) => `${v.toFixed(1)} %`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Flagger halts when a metric has no value: an interval without traffic proves nothing. */
const noTraffic = (who: string) => `no traffic reached the ${who} in this interval`;

function successRateFailure(who: string, m: IntervalMetrics, t: CheckThresholds): string | undefined {
  return m.successRate !== undefined && m.successRate < t.minSuccessRate
    ? `${who} success rate ${pct(m.successRate)} < ${t.minSuccessRate} % (${m.failures}/${m.requests} failed)`
    : undefined;
}

function p99Failure(who: string, m: IntervalMetrics, t: CheckThresholds): string | undefined {
  return m.p99Ms !== undefined && m.p99Ms > t.maxP99Ms ? `${who} p99 ${ms(m.p99Ms)} > ${t.maxP99Ms} ms` : undefined;
}

const result = (failures: readonly (string | undefined)[]): CheckResult => {
  const found = failures.filter((f): f is string => f !== undefined);
  return { passed: found.length === 0, failures: found };
};

/** Weighted mode: the canary's own success rate and p99 in the interval. */
export function weightedCheck(canary: IntervalMetrics, t: CheckThresholds): CheckResult {
  if (canary.requests === 0) return result([noTraffic('canary')]);
  return result([successRateFailure('canary', canary, t), p99Failure('canary', canary, t)]);
}

/**
 * Shadow mode: the mirror's figures against the thresholds and against live's. The success
 * rate fails only when it is under the minimum AND under live's in the same interval (a
 * backend failing both is not the candidate's fault); p99 is the candidate's own latency,
 * held to `maxP99Ms` absolutely (live's is shown beside it). The diff rate is the largest
 * non-noise path rate of the interval; an interval with nothing compared fails when a
 * maximum is set, as one without traffic does.
 */
export function shadowCheck(
  mirror: IntervalMetrics,
  live: IntervalMetrics,
  diff: IntervalDiffRate | undefined,
  t: CheckThresholds,
): CheckResult {
  if (mirror.requests === 0) return result([noTraffic('mirror')]);
  const noWorseThanLive = live.successRate !== undefined && mirror.successRate !== undefined && mirror.successRate >= live.successRate;
  let diffFailure: string | undefined;
  if (t.maxDiffRate !== undefined) {
    if (diff === undefined || diff.rate === undefined) diffFailure = 'no live/mirror pair was compared in this interval';
    else if (diff.rate > t.maxDiffRate)
      diffFailure = `diff rate ${pct(diff.rate * 100)} > ${pct(t.maxDiffRate * 100)} on ${diff.path ?? '?'} (${diff.compared} compared)`;
  }
  return result([noWorseThanLive ? undefined : successRateFailure('mirror', mirror, t), p99Failure('mirror', mirror, t), diffFailure]);
}
