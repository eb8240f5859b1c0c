import { Histogram } from './histogram';
import { type LabeledSeries } from './labeled-series';
import { type Counter, type ProxyMetrics } from './proxy-metrics';

export interface CodeCount {
  readonly route: string;
  readonly cluster: string;
  readonly code: string;
  readonly count: number;
}

export interface DurationSummary {
  readonly count: number;
  readonly meanMs: number | undefined;
  /** Upper bounds from the histogram buckets. */
  readonly p50Ms: number | undefined;
  readonly p99Ms: number | undefined;
}

/** JSON numbers for the dashboard: live versus mirror side by side. */
export interface StatsSnapshot {
  readonly live: { readonly total: number; readonly byCode: readonly CodeCount[]; readonly duration: DurationSummary };
  readonly mirror: { readonly total: number; readonly byCode: readonly CodeCount[]; readonly duration: DurationSummary };
  readonly dropped: readonly { readonly route: string; readonly cluster: string; readonly reason: string; readonly count: number }[];
  readonly mirrorInflight: Readonly<Record<string, number>>;
}

function codes(series: LabeledSeries<Counter>): CodeCount[] {
  return [...series.entries()].map(({ labels, value }) => ({
    route: labels[0] ?? '',
    cluster: labels[1] ?? '',
    code: labels[2] ?? '',
    count: value.count,
  }));
}

function summary(series: LabeledSeries<Histogram>): DurationSummary {
  const all = new Histogram();
  for (const { value } of series.entries()) all.merge(value);
  const ms = (seconds: number | undefined) => (seconds === undefined || !Number.isFinite(seconds) ? undefined : seconds * 1000);
  return {
    count: all.count,
    meanMs: all.count === 0 ? undefined : (all.sum / all.count) * 1000,
    p50Ms: ms(all.quantile(0.5)),
    p99Ms: ms(all.quantile(0.99)),
  };
}

export function buildStatsSnapshot(metrics: ProxyMetrics): StatsSnapshot {
  const live = codes(metrics.requests);
  const mirror = codes(metrics.mirrorRequests);
  return {
    live: { total: live.reduce((n, c) => n + c.count, 0), byCode: live, duration: summary(metrics.requestDuration) },
    mirror: { total: mirror.reduce((n, c) => n + c.count, 0), byCode: mirror, duration: summary(metrics.mirrorDuration) },
    dropped: [...metrics.mirrorDropped.entries()].map(({ labels, value }) => ({
      route: labels[0] ?? '',
      cluster: labels[1] ?? '',
      reason: labels[2] ?? '',
      count: value.count,
    })),
    mirrorInflight: metrics.mirrorInflight(),
  };
}
