import diagnosticsChannel from 'node:diagnostics_channel';
import { istioDestinationOf } from '../config/istio-destination';
import { type ProxyConfig } from '../config/proxy-config.schema';
import { type Proxy } from '../proxy';
import { PROXY_CHANNELS, type ExchangeEvent } from './channels';
import { Histogram } from './histogram';
import { istioLabelText, istioUnknownDestination } from './istio-labels';
import { responseFlagsOf } from './istio-response-flags';
import { LabeledSeries } from './labeled-series';

/** Istio's default buckets for `istio_request_duration_milliseconds`. */
export const ISTIO_DURATION_BUCKETS_MS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

export interface IstioMetrics {
  /** `istio_requests_total` and `istio_request_duration_milliseconds`; empty while `telemetry.istioMetrics.enabled` is false. */
  renderPrometheus(): string;
  close(): void;
}

interface IstioSeries {
  requests: number;
  readonly duration: Histogram;
}

/** What one config makes of the events: each cluster's destination labels, compiled once. */
interface IstioTable {
  readonly config: ProxyConfig;
  readonly enabled: boolean;
  /** Cluster → the label text of its series (everything but response code and flags). */
  readonly destinations: ReadonlyMap<string, string>;
  /** The proxy's own answers (no route, injected abort): destination unknown, as Istio reports them. */
  readonly unknown: string;
}

function compile(config: ProxyConfig): IstioTable {
  const istio = config.telemetry.istioMetrics;
  const destinations = new Map(config.clusters.map((c) => [c.name, istioLabelText(istio, istioDestinationOf(istio, c.name))]));
  return { config, enabled: istio.enabled, destinations, unknown: istioLabelText(istio, istioUnknownDestination(istio)) };
}

const newSeries = (): IstioSeries => ({ requests: 0, duration: new Histogram(ISTIO_DURATION_BUCKETS_MS) });

/**
 * Istio's standard request metrics from this proxy's events, so Kiali's graph and Flagger's
 * built-in checks read the sidecar unchanged. A copy counts under its mirror cluster's
 * workload (parseProxyConfig refuses a mirror that shares a live workload), so a query on a
 * live workload never counts copies. Series are keyed by the destination labels (bounded by
 * the clusters), the status and the response flags: no path, no route, no request id.
 */
export function createIstioMetrics(options: { readonly proxy: Pick<Proxy, 'id' | 'config'> }): IstioMetrics {
  const { proxy } = options;
  const series = new LabeledSeries(['destination', 'response_code', 'response_flags'], newSeries);
  let table = compile(proxy.config);
  const record = (message: unknown) => {
    const event = message as ExchangeEvent;
    if (event.proxyId !== proxy.id) return;
    // A reload swaps the config object: recompiled once per config, never per request.
    if (table.config !== proxy.config) table = compile(proxy.config);
    if (!table.enabled) return;
    const found = series.get(table.destinations.get(event.cluster) ?? table.unknown, String(event.status), responseFlagsOf(event));
    if (found === undefined) return;
    found.requests += 1;
    // A copy that never left the proxy has no duration of the candidate's.
    if (!event.mirror || event.sent) found.duration.observe(event.durationMs);
  };
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, record);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, record);
  return {
    renderPrometheus: () => (proxy.config.telemetry.istioMetrics.enabled ? render(series) : ''),
    close() {
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, record);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, record);
    },
  };
}

function render(series: LabeledSeries<IstioSeries>): string {
  const counts: string[] = [
    '# HELP istio_requests_total Requests by Istio source and destination labels (mirrormesh sidecar).',
    '# TYPE istio_requests_total counter',
  ];
  const durations: string[] = [
    '# HELP istio_request_duration_milliseconds Request duration in milliseconds (mirrormesh sidecar).',
    '# TYPE istio_request_duration_milliseconds histogram',
  ];
  for (const { labels, value } of series.entries()) {
    const [destination, code, flags] = labels as readonly [string, string, string];
    const all = `${destination},response_code="${code}",response_flags="${flags}"`;
    counts.push(`istio_requests_total{${all}} ${value.requests}`);
    const { duration } = value;
    let cumulative = 0;
    duration.buckets.forEach((bound, i) => {
      cumulative += duration.counts[i] as number;
      durations.push(`istio_request_duration_milliseconds_bucket{${all},le="${bound}"} ${cumulative}`);
    });
    durations.push(`istio_request_duration_milliseconds_bucket{${all},le="+Inf"} ${duration.count}`);
    durations.push(`istio_request_duration_milliseconds_sum{${all}} ${duration.sum}`);
    durations.push(`istio_request_duration_milliseconds_count{${all}} ${duration.count}`);
  }
  const overflow = [
    '# HELP mirrormesh_istio_series_overflow_total Exchanges not in the istio_* metrics because they reached their series cap.',
    '# TYPE mirrormesh_istio_series_overflow_total counter',
    `mirrormesh_istio_series_overflow_total ${series.overflow}`,
  ];
  return `${[...counts, ...durations, ...overflow].join('\n')}\n`;
}
