import { type ClusterLatencies } from './cluster-latencies';
import { type ClusterPolicySnapshot } from './cluster-policy-metrics';
import { type Histogram } from './histogram';
import { type LabeledSeries } from './labeled-series';
import { type LatencyHistogram } from './latency-histogram';
import { type UpgradeStats } from './upgrade-stats';
import { type UpstreamRetries } from './upstream-retries';

export interface Counter {
  count: number;
}

/**
 * The metrics kept from the proxy's events. Prometheus reads the bounded counters and
 * fixed-bucket histograms per (route, cluster); the JSON snapshot reads the counters and the
 * fine latency histograms per cluster. Answers the proxy gave itself (cluster "") are in
 * the counters under cluster "" and in `localLatency`, never in a cluster's latencies.
 */
export interface ProxyMetrics {
  readonly requests: LabeledSeries<Counter>;
  readonly requestDuration: LabeledSeries<Histogram>;
  readonly mirrorRequests: LabeledSeries<Counter>;
  readonly mirrorDuration: LabeledSeries<Histogram>;
  readonly mirrorDropped: LabeledSeries<Counter>;
  /** Copies to a compare's noise cluster (a second live instance): apart from the candidate's. */
  readonly noiseRequests: LabeledSeries<Counter>;
  readonly liveLatency: ClusterLatencies;
  readonly mirrorLatency: ClusterLatencies;
  readonly noiseLatency: ClusterLatencies;
  readonly localLatency: LatencyHistogram;
  readonly retries: UpstreamRetries;
  readonly mirrorInflight: () => Readonly<Record<string, number>>;
  /** Request body bytes held in memory (read ahead, held by mirror copies); undefined when no proxy is known. */
  readonly bufferedBytes: () => { readonly request: number; readonly mirror: number } | undefined;
  readonly upgrades: UpgradeStats;
  /** Outlier ejections and overflows per cluster; undefined when no proxy is known. */
  readonly clusterPolicy: () => ClusterPolicySnapshot | undefined;
}
