import { quantile, type LoadRecord } from './steady-load';

/**
 * The absolute floor under the fault run's p99 limit, from what a mirror fault costs a user: he
 * pays only by waiting for the copy, and in these scenarios the cheapest such wait is seconds (the
 * 3 s mirror timeout that ends every copy of a hung, trickling or partitioned mirror; the connect
 * timeout of an unreachable one), in every window after the fault began. A mirror that fails fast
 * (refused, reset, garbage, 500) costs a waiting user a few ms that no latency check can see on a
 * shared machine; live answering 100 % judges those. 500 ms is 1/6 of the cheapest wait, and above
 * what a 2-core CI box shared with other jobs (load average 10) did to the judged p99 of a rig
 * with nothing wrong: 130–330 ms, with calm runs at up to 2× the fault runs and the reverse.
 */
export const P99_FLOOR_MS = 500;
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
