import { type DiffRouteReport } from './diff-report';

/** One interval's diff figures for one route and mirror. */
export interface IntervalDiffRate {
  /** Live/candidate pairs compared in the interval. */
  readonly compared: number;
  /** The largest per-path rate among non-noise paths (Δcount / Δcompared); undefined when nothing was compared. */
  readonly rate: number | undefined;
  /** The path that has it. */
  readonly path: string | undefined;
}

const key = (path: { path: string; kind: string }) => `${path.kind} ${path.path}`;

/**
 * From two cumulative reads of the same route/mirror: each path's count difference over the
 * compared difference, the largest among the paths the latest read does not call noise. A
 * path new in the later read counts from 0; a restart (compared went down) starts from 0.
 */
export function intervalDiffRate(before: DiffRouteReport | undefined, after: DiffRouteReport): IntervalDiffRate {
  const restarted = before !== undefined && after.compared < before.compared;
  const base = restarted ? undefined : before;
  const compared = after.compared - (base?.compared ?? 0);
  if (compared <= 0) return { compared: 0, rate: undefined, path: undefined };
  const earlier = new Map(base?.paths.map((p) => [key(p), p.count]));
  let rate = 0;
  let path: string | undefined;
  for (const p of after.paths) {
    if (p.noise) continue;
    const pathRate = Math.max(0, p.count - (earlier.get(key(p)) ?? 0)) / compared;
    if (pathRate > rate) [rate, path] = [pathRate, p.path];
  }
  return { compared, rate, path };
}
