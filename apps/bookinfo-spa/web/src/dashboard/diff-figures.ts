import type { AnswerDiffKind, AnswerDiffReport } from '../../../src/mesh/answer-diff.dto';

/** How many differing paths the page lists per route and mirror: the most frequent, differences before noise. */
export const DIFF_PATHS_SHOWN = 10;
/** Example values are cut here on screen (the sidecar already cuts strings at 200 characters). */
const EXAMPLE_CHARS = 80;

export interface DiffPathRow {
  readonly path: string;
  readonly kind: AnswerDiffKind;
  readonly rate: number;
  readonly noise: boolean;
  readonly live: string;
  readonly candidate: string;
}

export interface DiffRouteRow {
  readonly key: string;
  readonly route: string;
  readonly mirror: string;
  readonly compared: number;
  /** different / compared; null before the first comparison. */
  readonly diffRate: number | null;
  readonly regressionRate: number | null;
  readonly noiseCluster: string | null;
  readonly paths: readonly DiffPathRow[];
  /** Differing paths not listed: beyond DIFF_PATHS_SHOWN, or beyond the sidecar's own cap. */
  readonly morePaths: number;
}

/** The report as the page shows it: per route and mirror, the rates and the top differing paths. */
export function diffRows(report: AnswerDiffReport, shown = DIFF_PATHS_SHOWN): DiffRouteRow[] {
  return report.routes.map((r) => {
    const sorted = [...r.paths].sort((a, b) => Number(a.noise) - Number(b.noise) || b.count - a.count || a.path.localeCompare(b.path));
    return {
      key: `${r.route}→${r.mirror}`,
      route: r.route,
      mirror: r.mirror,
      compared: r.compared,
      diffRate: r.compared === 0 ? null : r.different / r.compared,
      regressionRate: r.compared === 0 ? null : r.regressions / r.compared,
      noiseCluster: r.noise?.cluster ?? null,
      paths: sorted.slice(0, shown).map((p) => ({
        path: p.path,
        kind: p.kind,
        rate: p.rate,
        noise: p.noise,
        live: exampleText(p.example.live),
        candidate: exampleText(p.example.candidate),
      })),
      morePaths: Math.max(0, sorted.length - shown) + r.pathsOverflow,
    };
  });
}

/** A JSON value of an example as text: `5`, `"1813"`, `absent` for null (the sidecar's null is "not there"). */
export function exampleText(value: unknown): string {
  if (value === null || value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text;
}
