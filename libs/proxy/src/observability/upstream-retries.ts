import { MAX_CLUSTERS_TRACKED } from './cluster-latencies';

/** One cluster's retries (Envoy's `upstream_rq_retry`). */
export interface ClusterRetries {
  readonly cluster: string;
  readonly count: number;
}

/**
 * Retries per live cluster, read from each exchange's `attempts` (every try after the first
 * is a retry). An exchange without retries touches nothing. Clusters come from config and
 * are capped as the latencies are; retries of a cluster past the cap are counted in `overflow`.
 */
export class UpstreamRetries {
  private readonly byCluster = new Map<string, number>();
  overflow = 0;

  record(cluster: string, attempts: number): void {
    if (attempts <= 1) return;
    const count = this.byCluster.get(cluster);
    if (count === undefined && this.byCluster.size >= MAX_CLUSTERS_TRACKED) {
      this.overflow += 1;
      return;
    }
    this.byCluster.set(cluster, (count ?? 0) + attempts - 1);
  }

  /** Ordered by cluster name. */
  snapshot(): ClusterRetries[] {
    return [...this.byCluster].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([cluster, count]) => ({ cluster, count }));
  }

  /** `mirrormesh_upstream_retries_total{cluster}` in the Prometheus text format. */
  prometheusLines(out: string[], labelText: (names: readonly string[], values: readonly string[]) => string): void {
    out.push(
      '# HELP mirrormesh_upstream_retries_total Retries of live requests per upstream cluster (every try after the first).',
      '# TYPE mirrormesh_upstream_retries_total counter',
    );
    for (const { cluster, count } of this.snapshot())
      out.push(`mirrormesh_upstream_retries_total${labelText(['cluster'], [cluster])} ${count}`);
  }
}
