import { type ScenarioName } from '../mesh/scenarios';
import { type DiffPathReport, type DiffReport } from '../diff/diff-report';

/** What the lab expects of the shadow diff, per scenario. */
export const DIFF_EXPECTATIONS = {
  /** The mirror cluster whose answers are compared with live. */
  mirror: 'bookservicemirror',
  /** Differs on every answer of every version: must be classified as noise, never as a regression. */
  noisePath: '$.servedAt',
  /** v5: the schema change, as the differences it must show beyond the noise. */
  schemaChange: [
    { pattern: /^\$\.reviews\[\d+\]\.rating$/, kind: 'removed', name: '$.reviews[*].rating removed' },
    { pattern: /^\$\.reviews\[\d+\]\.stars$/, kind: 'added', name: '$.reviews[*].stars added' },
    { pattern: /^\$(\[\d+\])?\.year$/, kind: 'type-changed', name: '$.year type-changed' },
  ],
  /** v4: the injected 500s show as a changed status. */
  faultPath: { path: 'status', kind: 'value-changed' },
  /** How many differing paths the verdict line names. */
  pathsShown: 3,
} as const;

export interface DiffVerdict {
  readonly finding: string;
  readonly failures: readonly string[];
}

/**
 * Judges the sidecar's answer comparison for one scenario: v2 and v3 answer like live (only
 * noise differs), v4 changes the status, v5 changes the schema. Judged on each path's noise
 * classification now, not on the `regressions` counter: that one counts the first pairs,
 * compared before the noise instance had given enough samples, as regressions.
 */
export function judgeDiff(scenario: ScenarioName, report: DiffReport, clientRequests: number): DiffVerdict {
  const routes = report.routes.filter((r) => r.mirror === DIFF_EXPECTATIONS.mirror);
  const compared = routes.reduce((sum, r) => sum + r.compared, 0);
  const dropped = report.dropped.filter((d) => d.mirror === DIFF_EXPECTATIONS.mirror).reduce((sum, d) => sum + d.count, 0);
  const paths = routes.flatMap((r) => r.paths);
  const differing = paths.filter((p) => !p.noise).sort(byCountThenPath);
  const noise = paths.filter((p) => p.noise);
  const failures: string[] = [];
  const expect = (holds: boolean, failure: string) => {
    if (!holds) failures.push(failure);
  };

  expect(compared > 0, 'the sidecar compared no answers');
  expect(
    compared + dropped >= clientRequests,
    `the sidecar compared ${compared} answers (${dropped} dropped), the client sent ${clientRequests}`,
  );
  // Its value changing is the noise; its absence (a v4 error body has none) is a real difference.
  const servedAt = paths.filter((p) => p.path === DIFF_EXPECTATIONS.noisePath && p.kind === 'value-changed');
  expect(
    servedAt.every((p) => p.noise),
    `${DIFF_EXPECTATIONS.noisePath} differs (${percent(servedAt[0]?.rate ?? 0)}) but is not classified as noise`,
  );

  switch (scenario) {
    case 'v5-schema-change':
      for (const change of DIFF_EXPECTATIONS.schemaChange) {
        expect(
          differing.some((p) => change.pattern.test(p.path) && p.kind === change.kind),
          `the comparison does not show ${change.name}`,
        );
      }
      break;
    case 'v4-fault': {
      const { path, kind } = DIFF_EXPECTATIONS.faultPath;
      expect(
        differing.some((p) => p.path === path && p.kind === kind),
        `the comparison does not show the mirror's 500s (${path} ${kind})`,
      );
      break;
    }
    default:
      expect(differing.length === 0, `mirror answers differ beyond noise: ${describePaths(differing)}`);
  }

  const noiseNote =
    noise.length === 0 ? '' : `; noise: ${[...new Set(noise.map((p) => p.path))].slice(0, DIFF_EXPECTATIONS.pathsShown).join(', ')}`;
  const finding =
    differing.length === 0
      ? `${compared} answers compared, none differ beyond noise${noiseNote}`
      : `mirror answers differ: ${describePaths(differing)}${noiseNote}`;
  return { finding, failures };
}

/** The most frequent paths, one per shape (`$.reviews[0].rating` stands for every review's), and how many more. */
function describePaths(paths: readonly DiffPathReport[]): string {
  const byShape = new Map<string, DiffPathReport>();
  for (const p of paths) {
    const shape = `${p.path.replace(/\[\d+\]/g, '[*]')} ${p.kind}`;
    if (!byShape.has(shape)) byShape.set(shape, p);
  }
  const shown = [...byShape.values()].slice(0, DIFF_EXPECTATIONS.pathsShown).map((p) => `${p.path} ${p.kind} ${percent(p.rate)}`);
  const more = paths.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, … (${more} more)` : ''}`;
}

/** Most frequent first; among equals the status, then headers, then the body: the order a reader checks them in. */
function byCountThenPath(a: DiffPathReport, b: DiffPathReport): number {
  return b.count - a.count || partRank(a.path) - partRank(b.path) || a.path.localeCompare(b.path);
}

function partRank(path: string): number {
  return path === 'status' ? 0 : path.startsWith('headers.') ? 1 : 2;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}
