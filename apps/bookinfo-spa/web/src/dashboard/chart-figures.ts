import type { MeshDashboard } from '../../../src/mesh/mesh-dashboard.dto';

export interface ChartFigures {
  readonly source: 'window' | 'sidecar';
  readonly live: { readonly meanMs: number | null; readonly p99Ms: number | null; readonly errorRate: number | null };
  readonly mirror: { readonly meanMs: number | null; readonly p99Ms: number | null; readonly errorRate: number | null };
}

/**
 * What the bars compare: the live version and the mirror serving now over the window when the
 * collector answered (so a replaced mirror's history does not colour them), else the sidecar's
 * numbers since the front end started.
 */
export function chartFigures(d: MeshDashboard): ChartFigures {
  const live = d.versions.find((v) => v.role === 'live');
  const mirror = d.versions.find((v) => v.role === 'mirror');
  if (d.collector.state === 'ok' && (live !== undefined || mirror !== undefined)) {
    const figures = (v: typeof live) => ({ meanMs: v?.meanMs ?? null, p99Ms: v?.worstP99Ms ?? null, errorRate: v?.errorRate ?? null });
    return { source: 'window', live: figures(live), mirror: figures(mirror) };
  }
  return { source: 'sidecar', live: d.live, mirror: d.mirror };
}
