import diagnosticsChannel from 'node:diagnostics_channel';
import { type Proxy } from '../proxy';
import { PROXY_CHANNELS, type ExchangeEvent, type MirrorDroppedEvent } from './channels';
import { ClusterLatencies } from './cluster-latencies';
import { Histogram } from './histogram';
import { LabeledSeries } from './labeled-series';
import { LatencyHistogram } from './latency-histogram';
import { buildLatencyHistograms, type LatencyHistogramsSnapshot } from './latency-histograms-snapshot';
import { renderPrometheus } from './prometheus-text';
import { type Counter, type ProxyMetrics } from './proxy-metrics';
import { UpgradeStats } from './upgrade-stats';
import { buildStatsSnapshot, type StatsSnapshot } from './stats-snapshot';
import { UpstreamRetries } from './upstream-retries';

export interface ProxyStatsOptions {
  /**
   * Count only this proxy's events (matched on `Proxy.id`). Without it the stats count every
   * proxy in the process: the channels are shared.
   */
  readonly proxy?: Pick<Proxy, 'id' | 'stats'>;
  /** Where the mirror in-flight gauge is read from; default `() => proxy.stats().mirrorInflight` when `proxy` is given. */
  readonly mirrorInflight?: () => Readonly<Record<string, number>>;
}

export interface ProxyStats {
  /** Prometheus text exposition (format 0.0.4). */
  renderPrometheus(): string;
  /** The same numbers as JSON, for the dashboard (live versus mirror, per cluster). */
  snapshot(): StatsSnapshot;
  /** Each cluster's latency histogram per role, sparse and cumulative: per-interval quantiles for a client. */
  latencyHistograms(): LatencyHistogramsSnapshot;
  /** Unsubscribes from the channels. */
  close(): void;
}

/**
 * The status, for an exchange whose response was delivered whole; the lower-case error
 * code (`upstream_reset`, `upstream_timeout`, ...) for one that broke off, even after its
 * status line: a reset mid-body is a failure, not a 200.
 */
export function codeOf(event: Pick<ExchangeEvent, 'status' | 'errorCode' | 'complete'>): string {
  return event.complete ? String(event.status) : (event.errorCode ?? 'unknown').toLowerCase();
}

function counter(): Counter {
  return { count: 0 };
}

function inflightOf(options: ProxyStatsOptions): () => Readonly<Record<string, number>> {
  if (options.mirrorInflight !== undefined) return options.mirrorInflight;
  const { proxy } = options;
  return proxy === undefined ? () => ({}) : () => proxy.stats().mirrorInflight;
}

/** Subscribes to the proxy channels and keeps bounded metrics of one proxy (or of all of them). */
export function createProxyStats(options: ProxyStatsOptions = {}): ProxyStats {
  const only = options.proxy?.id;
  const metrics: ProxyMetrics = {
    requests: new LabeledSeries(['route', 'cluster', 'code'], counter),
    requestDuration: new LabeledSeries(['route', 'cluster'], () => new Histogram()),
    mirrorRequests: new LabeledSeries(['route', 'cluster', 'code'], counter),
    mirrorDuration: new LabeledSeries(['route', 'cluster'], () => new Histogram()),
    mirrorDropped: new LabeledSeries(['route', 'cluster', 'reason'], counter),
    noiseRequests: new LabeledSeries(['route', 'cluster', 'code'], counter),
    liveLatency: new ClusterLatencies(),
    mirrorLatency: new ClusterLatencies(),
    noiseLatency: new ClusterLatencies(),
    localLatency: new LatencyHistogram(),
    retries: new UpstreamRetries(),
    mirrorInflight: inflightOf(options),
    bufferedBytes: () => {
      const stats = options.proxy?.stats();
      return stats === undefined ? undefined : { request: stats.requestBufferedBytes, mirror: stats.mirrorBufferedBytes };
    },
    clusterPolicy: () => options.proxy?.stats().clusters,
    upgrades: new UpgradeStats(only, () => options.proxy?.stats().upgradesOpen),
  };
  const onExchange = (message: unknown) => {
    const event = message as ExchangeEvent;
    if (only !== undefined && event.proxyId !== only) return;
    const count = metrics.requests.get(event.route, event.cluster, codeOf(event));
    if (count !== undefined) count.count += 1;
    metrics.requestDuration.get(event.route, event.cluster)?.observe(event.durationMs / 1000);
    // The proxy's own answers take microseconds: kept apart so they never pull a cluster's figures down.
    if (event.cluster === '') metrics.localLatency.record(event.durationMs);
    else metrics.liveLatency.record(event.cluster, event.durationMs);
    metrics.retries.record(event.cluster, event.attempts);
  };
  const onMirror = (message: unknown) => {
    const event = message as ExchangeEvent;
    if (only !== undefined && event.proxyId !== only) return;
    if (event.noise === true) return onNoise(event);
    const count = metrics.mirrorRequests.get(event.route, event.cluster, codeOf(event));
    if (count !== undefined) count.count += 1;
    // The candidate's own time, only for copies that reached it: time queued in the proxy is not its latency.
    if (!event.sent) return;
    metrics.mirrorDuration.get(event.route, event.cluster)?.observe(event.durationMs / 1000);
    metrics.mirrorLatency.record(event.cluster, event.durationMs);
  };
  /** A live-version copy that measures noise: counted, and timed when it reached the cluster, never as the candidate. */
  const onNoise = (event: ExchangeEvent) => {
    const count = metrics.noiseRequests.get(event.route, event.cluster, codeOf(event));
    if (count !== undefined) count.count += 1;
    if (event.sent) metrics.noiseLatency.record(event.cluster, event.durationMs);
  };
  const onDropped = (message: unknown) => {
    const event = message as MirrorDroppedEvent;
    if (only !== undefined && event.proxyId !== only) return;
    const count = metrics.mirrorDropped.get(event.route, event.cluster, event.reason);
    if (count !== undefined) count.count += 1;
  };
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, onExchange);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
  return {
    renderPrometheus: () => renderPrometheus(metrics),
    snapshot: () => buildStatsSnapshot(metrics, only),
    latencyHistograms: () => buildLatencyHistograms(metrics.liveLatency, metrics.mirrorLatency),
    close() {
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, onExchange);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
      metrics.upgrades.close();
    },
  };
}
