import { type ClusterPolicyStats } from '../transport/upstream-pools';

/** Per cluster: outlier ejections and pending-limit overflows, read from the proxy (not from events). */
export type ClusterPolicySnapshot = Readonly<Record<string, ClusterPolicyStats>>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Envoy's outlier_detection.ejections_enforced_total / ejections_active and upstream_rq_pending_overflow, per cluster. */
export function clusterPolicyLines(out: string[], clusters: ClusterPolicySnapshot): void {
  const entries = Object.entries(clusters);
  const family = (name: string, type: string, help: string, value: (stats: ClusterPolicyStats) => number) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [cluster, stats] of entries) out.push(`${name}{cluster="${escapeLabel(cluster)}"} ${value(stats)}`);
  };
  family('mirrormesh_outlier_ejections_total', 'counter', 'Endpoints ejected by outlier detection, per cluster.', (s) => s.ejectionsTotal);
  family('mirrormesh_outlier_ejected_endpoints', 'gauge', 'Endpoints ejected now, per cluster.', (s) => s.ejectedEndpoints);
  family(
    'mirrormesh_upstream_overflow_total',
    'counter',
    'Live requests answered 503 UPSTREAM_OVERFLOW: http1MaxPendingRequests were waiting for a connection, per cluster.',
    (s) => s.overflowsTotal,
  );
}
