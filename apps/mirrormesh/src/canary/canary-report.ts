import { type PollResult } from '../poll/poller';
import { type CanaryOutcome } from './run-canary';

const pct = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(2)} %`);
const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);

/** 0 promoted (or the shadow gate passed), 1 rolled back or failed; 130 when interrupted. */
export function canaryExitCode(outcome: CanaryOutcome): 0 | 1 | 130 {
  if (outcome.interrupted) return 130;
  return outcome.phase === 'promoted' ? 0 : 1;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The final report: one row per interval, the outcome, and what the load's users saw. */
export function formatCanaryReport(outcome: CanaryOutcome, load: PollResult | undefined): string {
  const shadow = outcome.mode === 'shadow';
  const header = shadow
    ? ['#', 'mirror req', 'success', 'p99', 'live success', 'live p99', 'diff rate', 'verdict']
    : ['#', 'weight', 'requests', 'success', 'p99', 'verdict'];
  const rows = outcome.intervals.map((r) => {
    const verdict = r.passed ? 'pass' : `fail: ${r.failures.join('; ')}`;
    return shadow
      ? [
          String(r.iteration),
          String(r.canary.requests),
          pct(r.canary.successRate),
          ms(r.canary.p99Ms),
          pct(r.primary?.successRate),
          ms(r.primary?.p99Ms),
          r.diff?.rate === undefined ? '-' : pct(r.diff.rate * 100),
          verdict,
        ]
      : [String(r.iteration), `${r.canaryWeight}%`, String(r.canary.requests), pct(r.canary.successRate), ms(r.canary.p99Ms), verdict];
  });
  const last = outcome.events[outcome.events.length - 1];
  const why = last?.kind === 'rolled-back' ? `: ${last.reason}` : '';
  const verdict = shadow
    ? outcome.phase === 'promoted'
      ? 'PASSED: the candidate may be released'
      : `FAILED${why}`
    : outcome.phase === 'promoted'
      ? 'PROMOTED'
      : `ROLLED BACK${why}`;
  const weights = Object.entries(outcome.finalWeights)
    .map(([cluster, weight]) => `${cluster} ${weight}%`)
    .join(', ');
  const lines = [
    `${shadow ? 'shadow' : 'canary'} analysis on route "${outcome.route}": ${verdict}`,
    `route weights now: ${weights}`,
    '',
    table([header, ...rows]),
  ];
  if (load !== undefined) {
    const errors = Object.entries(load.errorsByStatus)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    lines.push(
      '',
      `load: ${load.requests} requests, ${load.errors} errors${errors === '' ? '' : ` (${errors})`}, p99 ${ms(load.latency.p99)}`,
    );
  }
  return lines.join('\n');
}

export function formatCanaryJson(outcome: CanaryOutcome, load: PollResult | undefined): string {
  const users =
    load === undefined
      ? undefined
      : { requests: load.requests, errors: load.errors, errorsByStatus: load.errorsByStatus, latency: load.latency };
  return JSON.stringify({ ...outcome, exitCode: canaryExitCode(outcome), load: users }, null, 2);
}
