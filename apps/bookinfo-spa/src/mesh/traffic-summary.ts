import { type CodeCount, type DurationSummary } from '@mirrormesh/proxy';
import { type ClusterTraffic, type TrafficSummary } from './mesh-dashboard.dto';

/** A 5xx, or no answer at all (the code is then an error name such as `upstream_timeout`). */
export function isErrorCode(code: string): boolean {
  const status = Number(code);
  return !Number.isInteger(status) || status >= 500;
}

function orNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * One role's numbers from the proxy's stats snapshot. Answers the proxy gave itself
 * (no route: cluster "") are left out: they never reached a book service.
 */
export function summarizeTraffic(role: 'live' | 'mirror', byCode: readonly CodeCount[], duration: DurationSummary): TrafficSummary {
  const clusters = new Map<string, { requests: number; errors: number }>();
  const codes = new Map<string, number>();
  for (const entry of byCode) {
    if (entry.cluster === '') continue;
    const cluster = clusters.get(entry.cluster) ?? { requests: 0, errors: 0 };
    cluster.requests += entry.count;
    if (isErrorCode(entry.code)) cluster.errors += entry.count;
    clusters.set(entry.cluster, cluster);
    codes.set(entry.code, (codes.get(entry.code) ?? 0) + entry.count);
  }
  const list: ClusterTraffic[] = [...clusters].map(([cluster, n]) => ({ cluster, ...n })).sort((a, b) => a.cluster.localeCompare(b.cluster));
  const requests = list.reduce((sum, c) => sum + c.requests, 0);
  const errors = list.reduce((sum, c) => sum + c.errors, 0);
  return {
    role,
    clusters: list,
    requests,
    errors,
    errorRate: requests === 0 ? null : errors / requests,
    meanMs: orNull(duration.meanMs),
    p50Ms: orNull(duration.p50Ms),
    p99Ms: orNull(duration.p99Ms),
    codes: [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}
