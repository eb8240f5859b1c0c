import { clusterPolicyLines } from './cluster-policy-metrics';
import { type Histogram } from './histogram';
import { type LabeledSeries } from './labeled-series';
import { type Counter, type ProxyMetrics } from './proxy-metrics';

/** Escapes a label value as the exposition format requires (backslash, quote, newline). */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function labelText(names: readonly string[], values: readonly string[], extra?: string): string {
  const parts = names.map((name, i) => `${name}="${escapeLabel(values[i] ?? '')}"`);
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function counterLines(out: string[], name: string, help: string, series: LabeledSeries<Counter>): void {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
  for (const { labels, value } of series.entries()) out.push(`${name}${labelText(series.labelNames, labels)} ${value.count}`);
}

function histogramLines(out: string[], name: string, help: string, series: LabeledSeries<Histogram>): void {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
  for (const { labels, value } of series.entries()) {
    let cumulative = 0;
    value.buckets.forEach((bound, i) => {
      cumulative += value.counts[i] as number;
      out.push(`${name}_bucket${labelText(series.labelNames, labels, `le="${bound}"`)} ${cumulative}`);
    });
    out.push(`${name}_bucket${labelText(series.labelNames, labels, 'le="+Inf"')} ${value.count}`);
    out.push(`${name}_sum${labelText(series.labelNames, labels)} ${value.sum}`);
    out.push(`${name}_count${labelText(series.labelNames, labels)} ${value.count}`);
  }
}

export function renderPrometheus(metrics: ProxyMetrics): string {
  const out: string[] = [];
  counterLines(out, 'mirrormesh_requests_total', 'Live requests by route, cluster and status code.', metrics.requests);
  histogramLines(out, 'mirrormesh_request_duration_seconds', 'Live request duration as the client saw it.', metrics.requestDuration);
  counterLines(
    out,
    'mirrormesh_mirror_requests_total',
    'Mirror requests by route, mirror cluster and status or error code.',
    metrics.mirrorRequests,
  );
  histogramLines(out, 'mirrormesh_mirror_duration_seconds', 'Mirror request duration.', metrics.mirrorDuration);
  counterLines(out, 'mirrormesh_mirror_dropped_total', 'Mirror copies not sent or cut short, by reason.', metrics.mirrorDropped);
  counterLines(
    out,
    'mirrormesh_noise_requests_total',
    'Copies to a compare noise cluster (a second live instance), by route, cluster and status or error code: not in the mirror metrics.',
    metrics.noiseRequests,
  );
  metrics.retries.prometheusLines(out, labelText);
  out.push('# HELP mirrormesh_mirror_inflight Mirror requests in flight per mirror cluster.', '# TYPE mirrormesh_mirror_inflight gauge');
  for (const [cluster, value] of Object.entries(metrics.mirrorInflight()))
    out.push(`mirrormesh_mirror_inflight${labelText(['cluster'], [cluster])} ${value}`);
  const buffered = metrics.bufferedBytes();
  if (buffered !== undefined) {
    out.push(
      '# HELP mirrormesh_buffered_bytes Request body bytes held in memory: read ahead of an upstream connection (request) or held by mirror copies (mirror).',
      '# TYPE mirrormesh_buffered_bytes gauge',
      `mirrormesh_buffered_bytes{role="request"} ${buffered.request}`,
      `mirrormesh_buffered_bytes{role="mirror"} ${buffered.mirror}`,
    );
  }
  const clusterPolicy = metrics.clusterPolicy();
  if (clusterPolicy !== undefined) clusterPolicyLines(out, clusterPolicy);
  metrics.upgrades.prometheusLines(out, labelText);
  const overflow =
    metrics.upgrades.overflow +
    metrics.requests.overflow +
    metrics.requestDuration.overflow +
    metrics.mirrorRequests.overflow +
    metrics.mirrorDuration.overflow +
    metrics.mirrorDropped.overflow +
    metrics.liveLatency.overflow +
    metrics.mirrorLatency.overflow +
    metrics.retries.overflow;
  out.push(
    '# HELP mirrormesh_metric_series_overflow_total Observations not recorded because a metric reached its series cap.',
    '# TYPE mirrormesh_metric_series_overflow_total counter',
    `mirrormesh_metric_series_overflow_total ${overflow}`,
  );
  return `${out.join('\n')}\n`;
}
