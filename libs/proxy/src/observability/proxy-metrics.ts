import { type Histogram } from './histogram';
import { type LabeledSeries } from './labeled-series';

export interface Counter {
  count: number;
}

/** The metrics kept from the proxy's events: bounded counters and fixed-bucket histograms. */
export interface ProxyMetrics {
  readonly requests: LabeledSeries<Counter>;
  readonly requestDuration: LabeledSeries<Histogram>;
  readonly mirrorRequests: LabeledSeries<Counter>;
  readonly mirrorDuration: LabeledSeries<Histogram>;
  readonly mirrorDropped: LabeledSeries<Counter>;
  readonly mirrorInflight: () => Readonly<Record<string, number>>;
}
