import { type DiffReport } from '../diff/diff-report';
import { labelText } from './prometheus-text';

const ROUTE_MIRROR = ['route', 'mirror'] as const;

/**
 * The shadow diff in Prometheus text, read from its report: cumulative counters per route and
 * mirror (a regression also counts as different), drops by reason, the paths kept in the
 * report (at most 100 per route and mirror, so the series stay bounded) and the pending gauges.
 */
export function renderDiffPrometheus(report: DiffReport): string {
  const out: string[] = [
    '# HELP mirrormesh_diff_total Live/candidate answer pairs compared, by result (a regression also counts as different).',
    '# TYPE mirrormesh_diff_total counter',
  ];
  for (const r of report.routes) {
    const labels = [r.route, r.mirror];
    out.push(
      `mirrormesh_diff_total${labelText([...ROUTE_MIRROR, 'result'], [...labels, 'identical'])} ${r.identical}`,
      `mirrormesh_diff_total${labelText([...ROUTE_MIRROR, 'result'], [...labels, 'different'])} ${r.different}`,
      `mirrormesh_diff_total${labelText([...ROUTE_MIRROR, 'result'], [...labels, 'regression'])} ${r.regressions}`,
    );
  }
  out.push(
    '# HELP mirrormesh_diff_dropped_total Compared requests not compared, by reason.',
    '# TYPE mirrormesh_diff_dropped_total counter',
  );
  for (const d of report.dropped)
    out.push(`mirrormesh_diff_dropped_total${labelText([...ROUTE_MIRROR, 'reason'], [d.route, d.mirror, d.reason])} ${d.count}`);
  out.push(
    '# HELP mirrormesh_diff_paths_total Compared pairs that differ at a path, for the paths kept in the report.',
    '# TYPE mirrormesh_diff_paths_total counter',
  );
  for (const r of report.routes)
    for (const p of r.paths)
      out.push(
        `mirrormesh_diff_paths_total${labelText([...ROUTE_MIRROR, 'path', 'kind'], [r.route, r.mirror, p.path, p.kind])} ${p.count}`,
      );
  out.push(
    '# HELP mirrormesh_diff_pending_comparisons Comparisons waiting for their answers (at most limits.diffPendingComparisons).',
    '# TYPE mirrormesh_diff_pending_comparisons gauge',
    `mirrormesh_diff_pending_comparisons ${report.pending.count}`,
    '# HELP mirrormesh_diff_pending_bytes Answer bytes held by waiting comparisons (at most limits.diffPendingBytes).',
    '# TYPE mirrormesh_diff_pending_bytes gauge',
    `mirrormesh_diff_pending_bytes ${report.pending.bytes}`,
  );
  return `${out.join('\n')}\n`;
}
