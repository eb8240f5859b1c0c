import { LatencyHistogram } from './latency-histogram';

/**
 * Cluster names come from config; the cap guards against anything else (a histogram is
 * 13.5 KiB, so at most ~3.4 MiB per role). Observations past it are counted in `overflow`.
 */
export const MAX_CLUSTERS_TRACKED = 256;

/** One latency histogram per cluster, keyed by the name itself: no key to build per request. */
export class ClusterLatencies {
  private readonly byCluster = new Map<string, LatencyHistogram>();
  overflow = 0;

  record(cluster: string, durationMs: number): void {
    let histogram = this.byCluster.get(cluster);
    if (histogram === undefined) {
      if (this.byCluster.size >= MAX_CLUSTERS_TRACKED) {
        this.overflow += 1;
        return;
      }
      histogram = new LatencyHistogram();
      this.byCluster.set(cluster, histogram);
    }
    histogram.record(durationMs);
  }

  get(cluster: string): LatencyHistogram | undefined {
    return this.byCluster.get(cluster);
  }

  entries(): IterableIterator<[string, LatencyHistogram]> {
    return this.byCluster.entries();
  }
}
