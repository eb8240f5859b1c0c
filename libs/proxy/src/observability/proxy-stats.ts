import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS, type ExchangeEvent, type MirrorDroppedEvent } from './channels';
import { Histogram } from './histogram';
import { LabeledSeries } from './labeled-series';
import { renderPrometheus } from './prometheus-text';
import { type Counter, type ProxyMetrics } from './proxy-metrics';
import { buildStatsSnapshot, type StatsSnapshot } from './stats-snapshot';

export interface ProxyStatsOptions {
  /** Where the mirror in-flight gauge is read from (e.g. `() => proxy.stats().mirrorInflight`). */
  readonly mirrorInflight?: () => Readonly<Record<string, number>>;
}

export interface ProxyStats {
  /** Prometheus text exposition (format 0.0.4). */
  renderPrometheus(): string;
  /** The same numbers as JSON, for the dashboard (live versus mirror). */
  snapshot(): StatsSnapshot;
  /** Unsubscribes from the channels. */
  close(): void;
}

/** The status as a label, or the error code when the upstream never answered. */
function codeOf(event: ExchangeEvent): string {
  return event.status > 0 ? String(event.status) : (event.errorCode ?? 'unknown').toLowerCase();
}

function counter(): Counter {
  return { count: 0 };
}

/** Subscribes to the proxy channels (every proxy in this process) and keeps metrics. */
export function createProxyStats(options: ProxyStatsOptions = {}): ProxyStats {
  const metrics: ProxyMetrics = {
    requests: new LabeledSeries(['route', 'cluster', 'code'], counter),
    requestDuration: new LabeledSeries(['route', 'cluster'], () => new Histogram()),
    mirrorRequests: new LabeledSeries(['route', 'cluster', 'code'], counter),
    mirrorDuration: new LabeledSeries(['route', 'cluster'], () => new Histogram()),
    mirrorDropped: new LabeledSeries(['route', 'cluster', 'reason'], counter),
    mirrorInflight: options.mirrorInflight ?? (() => ({})),
  };
  const onExchange = (message: unknown) => {
    const event = message as ExchangeEvent;
    const count = metrics.requests.get([event.route, event.cluster, codeOf(event)]);
    if (count !== undefined) count.count += 1;
    metrics.requestDuration.get([event.route, event.cluster])?.observe(event.durationMs / 1000);
  };
  const onMirror = (message: unknown) => {
    const event = message as ExchangeEvent;
    const count = metrics.mirrorRequests.get([event.route, event.cluster, codeOf(event)]);
    if (count !== undefined) count.count += 1;
    metrics.mirrorDuration.get([event.route, event.cluster])?.observe(event.durationMs / 1000);
  };
  const onDropped = (message: unknown) => {
    const event = message as MirrorDroppedEvent;
    const count = metrics.mirrorDropped.get([event.route, event.cluster, event.reason]);
    if (count !== undefined) count.count += 1;
  };
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, onExchange);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
  return {
    renderPrometheus: () => renderPrometheus(metrics),
    snapshot: () => buildStatsSnapshot(metrics),
    close() {
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, onExchange);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
    },
  };
}
