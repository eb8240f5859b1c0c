import { type ClusterLatencies } from './cluster-latencies';
import { midpointOf } from './latency-histogram';

/**
 * One cluster's latency histogram, sparse: `buckets` holds [midpoint in ms, count] for each
 * non-empty bucket, ascending. Counts are cumulative since start, so a client subtracts two
 * reads bucket by bucket (same midpoint, same bucket) and takes a nearest-rank quantile of the
 * difference: within 0.8 % of the exact value, as the snapshot's own percentiles.
 */
export interface SparseLatencyHistogram {
  readonly count: number;
  readonly buckets: readonly (readonly [number, number])[];
}

/** `GET /stats?histograms=1`: per role, per cluster (the proxy's own answers are not a cluster's). */
export interface LatencyHistogramsSnapshot {
  readonly live: Readonly<Record<string, SparseLatencyHistogram>>;
  readonly mirror: Readonly<Record<string, SparseLatencyHistogram>>;
}

function sparse(latencies: ClusterLatencies): Record<string, SparseLatencyHistogram> {
  const byCluster: Record<string, SparseLatencyHistogram> = {};
  for (const [cluster, histogram] of latencies.entries()) {
    byCluster[cluster] = {
      count: histogram.count,
      buckets: histogram.nonEmptyBuckets().map(([index, count]) => [midpointOf(index) / 1000, count] as const),
    };
  }
  return byCluster;
}

export function buildLatencyHistograms(live: ClusterLatencies, mirror: ClusterLatencies): LatencyHistogramsSnapshot {
  return { live: sparse(live), mirror: sparse(mirror) };
}
