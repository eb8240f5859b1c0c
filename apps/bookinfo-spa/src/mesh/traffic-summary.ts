import { type DurationSummary, type TrafficStats } from '@mirrormesh/proxy';
import { type ClusterTraffic, type CodeCount, type Durations, type TrafficSummary } from './mesh-dashboard.dto';

/** The code of an exchange the client broke off: the client's doing, not the upstream's error. */
const CLIENT_ABORTED = 'client_aborted';

/**
 * A 5xx, or an exchange that broke off (the code is then an error name such as
 * `upstream_timeout` or `upstream_reset`, even after a status line), but a client's own abort.
 */
export function isErrorCode(code: string): boolean {
  if (code === CLIENT_ABORTED) return false;
  const status = Number(code);
  return !Number.isInteger(status) || status >= 500;
}

function orNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function durations(duration: DurationSummary): Durations {
  return { meanMs: orNull(duration.meanMs), p50Ms: orNull(duration.p50Ms), p95Ms: orNull(duration.p95Ms), p99Ms: orNull(duration.p99Ms) };
}

function errorsIn(codes: readonly CodeCount[]): number {
  return codes.reduce((sum, c) => sum + (isErrorCode(c.code) ? c.count : 0), 0);
}

const rate = (errors: number, requests: number) => (requests === 0 ? null : errors / requests);

/** One role's numbers, per cluster and together, from the proxy's stats snapshot (which keeps the proxy's own answers apart). */
export function summarizeTraffic(role: 'live' | 'mirror', traffic: TrafficStats): TrafficSummary {
  const clusters: ClusterTraffic[] = traffic.clusters.map((c) => {
    const errors = errorsIn(c.byCode);
    return { cluster: c.cluster, requests: c.total, errors, errorRate: rate(errors, c.total), codes: c.byCode, ...durations(c.duration) };
  });
  const codes = new Map<string, number>();
  for (const c of clusters) for (const { code, count } of c.codes) codes.set(code, (codes.get(code) ?? 0) + count);
  const errors = clusters.reduce((sum, c) => sum + c.errors, 0);
  return {
    role,
    clusters,
    requests: traffic.total,
    errors,
    errorRate: rate(errors, traffic.total),
    ...durations(traffic.duration),
    codes: [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}
