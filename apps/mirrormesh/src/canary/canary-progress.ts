import { type AnalysisEvent, type AnalysisState } from './canary-analysis';
import { type IntervalRow } from './run-canary';

const pct = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} %`);
const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);

/** One line per interval: where the weight is, what the check saw, the verdict so far. */
export function intervalLine(row: IntervalRow, state: AnalysisState, mode: 'weighted' | 'shadow'): string {
  const who = mode === 'shadow' ? 'mirror' : `canary ${row.canaryWeight}%`;
  const figures = `${who}: ${row.canary.requests} req, success ${pct(row.canary.successRate)}, p99 ${ms(row.canary.p99Ms)}`;
  const live = row.primary === undefined ? '' : ` | live: success ${pct(row.primary.successRate)}, p99 ${ms(row.primary.p99Ms)}`;
  const diff = row.diff === undefined ? '' : ` | diff ${row.diff.rate === undefined ? '-' : pct(row.diff.rate * 100)}`;
  const verdict = row.passed ? 'pass' : `FAIL (${row.failures.join('; ')})`;
  return `#${row.iteration} ${figures}${live}${diff} → ${verdict}; failed checks ${state.failedChecks}, healthy ${state.healthyChecks}`;
}

/** Every transition, in words (Flagger's events). */
export function eventLine(event: AnalysisEvent, mode: 'weighted' | 'shadow'): string {
  switch (event.kind) {
    case 'started':
      return mode === 'shadow'
        ? `shadow analysis started: the canary serves no user; passes after ${event.healthyChecksNeeded} healthy checks`
        : `canary analysis started: canary weight ${event.canaryWeight}%`;
    case 'advanced':
      return `advance canary weight ${event.from}% → ${event.to}%`;
    case 'healthy':
      return `healthy check ${event.healthyChecks}/${event.healthyChecksNeeded}`;
    case 'halted':
      return `halt advancement: failed checks ${event.failedChecks}`;
    case 'promoted':
      return mode === 'shadow' ? 'gate passed: the candidate may be released' : 'promoted: canary weight 100%';
    case 'rolled-back':
      return mode === 'shadow' ? `gate failed: ${event.reason}` : `rolled back to 100% primary: ${event.reason}`;
  }
}
