import { type PollResult } from './poller';

export function formatMs(ms: number): string {
  return ms >= 100 ? `${Math.round(ms).toLocaleString('en-US')} ms` : `${ms.toFixed(1)} ms`;
}

/**
 * 0 only when every request got an answer below 400; 1 as soon as one did not (a status of 400
 * or more, or no answer at all), so that a script or CI step polling a dead mesh fails.
 */
export function pollExitCode(result: PollResult): 0 | 1 {
  return result.errors === 0 ? 0 : 1;
}

/** What the client saw, as the lab's poller prints it. */
export function formatPollResult(result: PollResult): string {
  const seconds = result.elapsedMs / 1000;
  const lines = [
    `${result.requests} requests in ${seconds.toFixed(1)} s (${(result.requests / seconds).toFixed(1)} req/s) to ${result.url}` +
      (result.interrupted ? ' (interrupted)' : ''),
    `  ok ${result.ok}, errors ${result.errors}`,
  ];
  const byStatus = Object.entries(result.errorsByStatus).sort(([a], [b]) => a.localeCompare(b));
  for (const [status, count] of byStatus) lines.push(`    ${status}: ${count}`);
  const { p50, p95, p99, max } = result.latency;
  lines.push(`  latency p50 ${formatMs(p50)}, p95 ${formatMs(p95)}, p99 ${formatMs(p99)}, max ${formatMs(max)}`);
  return lines.join('\n');
}
