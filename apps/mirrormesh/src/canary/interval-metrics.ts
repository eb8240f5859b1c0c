import { type ClusterRead } from './cluster-read';

/** One cluster's figures for one interval only (the difference of two cumulative reads). */
export interface IntervalMetrics {
  /** Answers and failed exchanges in the interval. */
  readonly requests: number;
  /** 5xx answers and exchanges that got no whole answer (reset, timeout, refused). */
  readonly failures: number;
  /** Percent of requests that did not fail; undefined without requests. */
  readonly successRate: number | undefined;
  /** Nearest-rank p99 in ms from the histogram's difference (within 0.8 %); undefined without timed requests. */
  readonly p99Ms: number | undefined;
}

/** A status of 500 or more, or a lower-case error code (`upstream_timeout`) for an exchange without an answer. */
export function isFailureCode(code: string): boolean {
  return !/^\d{3}$/.test(code) || Number(code) >= 500;
}

/** Nearest-rank quantile q (0-1) of sparse [midpoint, count] buckets. */
export function bucketQuantile(buckets: ReadonlyMap<number, number>, q: number): number | undefined {
  const ascending = [...buckets].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = ascending.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [ms, count] of ascending) {
    seen += count;
    if (seen >= rank) return ms;
  }
  return undefined;
}

function minus<K>(after: ReadonlyMap<K, number>, before: ReadonlyMap<K, number> | undefined): Map<K, number> {
  // A counter lower than before means the proxy restarted: its counts since then are the interval's.
  const restarted = [...(before ?? [])].some(([key, count]) => (after.get(key) ?? 0) < count);
  const difference = new Map<K, number>();
  for (const [key, count] of after) difference.set(key, restarted ? count : count - (before?.get(key) ?? 0));
  return difference;
}

/** Success rate and p99 of the interval between two reads of the same cluster and role. */
export function intervalMetrics(before: ClusterRead | undefined, after: ClusterRead): IntervalMetrics {
  const codes = minus(after.byCode, before?.byCode);
  let requests = 0;
  let failures = 0;
  for (const [code, count] of codes) {
    requests += count;
    if (isFailureCode(code)) failures += count;
  }
  return {
    requests,
    failures,
    successRate: requests === 0 ? undefined : ((requests - failures) * 100) / requests,
    p99Ms: bucketQuantile(minus(after.buckets, before?.buckets), 0.99),
  };
}
