import { quantile, type LoadRecord } from './steady-load';

/**
 * The absolute floor under the fault run's p99 limit. A user pays for a mirror fault only by
 * waiting for the copy, and in these scenarios the cheapest such wait is seconds: the 3 s mirror
 * timeout for a hung, trickling or partitioned mirror (every copy ends there), the connect timeout
 * for an unreachable one. A mirror that fails fast (refused, reset, garbage, 500) costs a waiting
 * user a few ms that no latency check can see; live answering 100 % judges those. So 100 ms is 30×
 * under the cheapest wait a regression would add to 1 % of requests, and above what a busy 2-core
 * CI box does to a loopback p99 for a whole second (60–160 ms seen with other jobs running:
 * four processes of the rig and the machine's other work share two cores).
 */
export const P99_FLOOR_MS = 100;
export const P99_RATIO = 2;
/**
 * The run is judged per window of this length, by the median of the windows' p99s: a stall of a
 * few seconds (a compile, a GC, another job) spoils a few windows and not the verdict, while a
 * mirror fault that reached users shows in every window after it began.
 */
export const P99_WINDOW_MS = 1_000;

/** The fault run's judged p99 may be at most 2× the calm run's, or the floor when that is larger. */
export function p99Limit(calmP99Ms: number, extraMs = 0): number {
  return Math.max(P99_RATIO * calmP99Ms, P99_FLOOR_MS) + extraMs;
}

/**
 * The median, over windows of `windowMs` by send time, of each window's p99 of 2xx latencies.
 * Windows with fewer than 20 answers are left out (their p99 is their maximum); undefined when
 * none is left.
 */
export function windowedP99(records: readonly LoadRecord[], windowMs = P99_WINDOW_MS): number | undefined {
  const windows = new Map<number, number[]>();
  for (const record of records) {
    if (!/^2\d\d$/.test(record.outcome)) continue;
    const key = Math.floor(record.atMs / windowMs);
    const window = windows.get(key) ?? [];
    window.push(record.ms);
    windows.set(key, window);
  }
  const p99s = [...windows.values()].filter((w) => w.length >= MIN_WINDOW_ANSWERS).map((w) => quantile(w, 0.99) as number);
  return quantile(p99s, 0.5);
}

const MIN_WINDOW_ANSWERS = 20;
