import { type ClusterLatencies } from './cluster-latencies';
import { type ClusterPolicySnapshot } from './cluster-policy-metrics';
import { type LabeledSeries } from './labeled-series';
import { LatencyHistogram } from './latency-histogram';
import { type Counter, type ProxyMetrics } from './proxy-metrics';
import { type ClusterRetries } from './upstream-retries';
import { type UpgradeStatsSnapshot } from './upgrade-stats';

export interface CodeCount {
  readonly route: string;
  readonly cluster: string;
  /** An HTTP status, or a lower-case error code (`upstream_timeout`) when there was no answer. */
  readonly code: string;
  readonly count: number;
}

/** Durations in ms from a log-linear histogram: percentiles within 0.8 % of the exact value. */
export interface DurationSummary {
  readonly count: number;
  readonly meanMs: number | undefined;
  readonly p50Ms: number | undefined;
  readonly p95Ms: number | undefined;
  readonly p99Ms: number | undefined;
  readonly maxMs: number | undefined;
}

/** One upstream cluster's traffic in one role (live or mirror). */
export interface ClusterStats {
  readonly cluster: string;
  readonly total: number;
  /** Summed over routes, ordered by code. */
  readonly byCode: readonly { readonly code: string; readonly count: number }[];
  readonly duration: DurationSummary;
}

/** Live or mirror traffic that reached (or tried to reach) a cluster. */
export interface TrafficStats {
  readonly total: number;
  readonly byCode: readonly CodeCount[];
  /** Every cluster of the role together (merged exactly). */
  readonly duration: DurationSummary;
  /** Per cluster, ordered by name. */
  readonly clusters: readonly ClusterStats[];
}

/** Answers the proxy gave itself (no route, refused target, closing, injected abort): cluster "". */
export interface LocalStats {
  readonly total: number;
  readonly byCode: readonly CodeCount[];
  readonly duration: DurationSummary;
}

/** JSON numbers for the dashboard: live versus mirror, per cluster, the proxy's own answers apart. */
export interface StatsSnapshot {
  /** The proxy counted (`Proxy.id`), or undefined when the stats count every proxy in the process. */
  readonly proxyId: string | undefined;
  readonly live: TrafficStats;
  /** The candidates' copies (noise copies are not among them). */
  readonly mirror: TrafficStats;
  /** Copies to compares' noise clusters: second instances of the live version, Diffy's secondary. */
  readonly noise: TrafficStats;
  readonly local: LocalStats;
  readonly dropped: readonly { readonly route: string; readonly cluster: string; readonly reason: string; readonly count: number }[];
  readonly mirrorInflight: Readonly<Record<string, number>>;
  /** Per cluster: outlier ejections (total, endpoints ejected now) and overflows; absent when no proxy is known. */
  readonly clusterPolicy?: ClusterPolicySnapshot;
  /** Retries of live requests per cluster (`mirrormesh_upstream_retries_total`), clusters without retries absent. */
  readonly retries: readonly ClusterRetries[];
  /** WebSocket upgrades: by route, cluster and result, and the connections open now. */
  readonly upgrades: UpgradeStatsSnapshot;
}

const EMPTY = new LatencyHistogram();

function summary(histogram: LatencyHistogram): DurationSummary {
  return {
    count: histogram.count,
    meanMs: histogram.meanMs(),
    p50Ms: histogram.quantileMs(0.5),
    p95Ms: histogram.quantileMs(0.95),
    p99Ms: histogram.quantileMs(0.99),
    maxMs: histogram.maxMs(),
  };
}

function codes(series: LabeledSeries<Counter>): CodeCount[] {
  return [...series.entries()].map(({ labels, value }) => ({
    route: labels[0] ?? '',
    cluster: labels[1] ?? '',
    code: labels[2] ?? '',
    count: value.count,
  }));
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function traffic(byCode: readonly CodeCount[], latencies: ClusterLatencies): TrafficStats {
  const perCluster = new Map<string, Map<string, number>>();
  for (const { cluster, code, count } of byCode) {
    const clusterCodes = perCluster.get(cluster) ?? new Map<string, number>();
    clusterCodes.set(code, (clusterCodes.get(code) ?? 0) + count);
    perCluster.set(cluster, clusterCodes);
  }
  const all = new LatencyHistogram();
  for (const [, histogram] of latencies.entries()) all.merge(histogram);
  const clusters = [...perCluster.keys()].sort(byName).map((cluster): ClusterStats => {
    const clusterCodes = [...(perCluster.get(cluster) ?? [])].sort(([a], [b]) => byName(a, b));
    return {
      cluster,
      total: clusterCodes.reduce((n, [, count]) => n + count, 0),
      byCode: clusterCodes.map(([code, count]) => ({ code, count })),
      duration: summary(latencies.get(cluster) ?? EMPTY),
    };
  });
  return { total: byCode.reduce((n, c) => n + c.count, 0), byCode, duration: summary(all), clusters };
}

export function buildStatsSnapshot(metrics: ProxyMetrics, proxyId: string | undefined): StatsSnapshot {
  const liveAndLocal = codes(metrics.requests);
  const local = liveAndLocal.filter((c) => c.cluster === '');
  return {
    proxyId,
    live: traffic(
      liveAndLocal.filter((c) => c.cluster !== ''),
      metrics.liveLatency,
    ),
    mirror: traffic(codes(metrics.mirrorRequests), metrics.mirrorLatency),
    noise: traffic(codes(metrics.noiseRequests), metrics.noiseLatency),
    local: { total: local.reduce((n, c) => n + c.count, 0), byCode: local, duration: summary(metrics.localLatency) },
    dropped: [...metrics.mirrorDropped.entries()].map(({ labels, value }) => ({
      route: labels[0] ?? '',
      cluster: labels[1] ?? '',
      reason: labels[2] ?? '',
      count: value.count,
    })),
    mirrorInflight: metrics.mirrorInflight(),
    clusterPolicy: metrics.clusterPolicy(),
    retries: metrics.retries.snapshot(),
    upgrades: metrics.upgrades.snapshot(),
  };
}
