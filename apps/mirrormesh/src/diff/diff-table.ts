import { type DiffReport } from './diff-report';

/** How many differing paths `mirrormesh diff` shows per route and mirror (the JSON has them all). */
export const DIFF_TOP_PATHS = 10;
/** Examples are cut for the terminal; the JSON keeps the proxy's (up to 200 characters). */
const EXAMPLE_CHARS = 40;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function brief(value: unknown): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text;
}

/** Routes × top differing paths: rate, noise flag and an example (live → candidate), regressions first. */
export function formatDiffTable(report: DiffReport): string {
  if (report.routes.length === 0) return 'no route compares its mirror with live (routes[].mirror.compare.enabled)';
  const blocks = report.routes.map((r) => {
    const noise = r.noise === null ? 'no noise cluster' : `noise ${r.noise.cluster}: ${r.noise.different}/${r.noise.compared} different`;
    const head = `route ${r.route} → mirror ${r.mirror}: ${r.compared} compared, ${r.identical} identical, ${r.different} different, ${r.regressions} regressions (${noise})`;
    const paths = [...r.paths].sort((a, b) => Number(a.noise) - Number(b.noise) || b.rate - a.rate).slice(0, DIFF_TOP_PATHS);
    const rows = paths.map((p) => {
      // A side the path is missing from reads "absent", not null: a JSON null is a value.
      const live = p.kind === 'added' ? 'absent' : brief(p.example.live);
      const candidate = p.kind === 'removed' ? 'absent' : brief(p.example.candidate);
      const example = `${live} → ${candidate}`;
      return [`  ${p.path}`, p.kind, pct(p.rate), p.noise ? `noise (${pct(p.noiseRate)})` : 'regression', example];
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((row) => (row[i] ?? '').length)));
    const lines = rows.map((row) =>
      row
        .map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell))
        .join('  ')
        .trimEnd(),
    );
    const more = r.paths.length - paths.length + r.pathsOverflow;
    return [head, ...(lines.length === 0 ? ['  no differing path'] : lines), ...(more > 0 ? [`  … ${more} more paths (--json)`] : [])].join(
      '\n',
    );
  });
  const dropped = report.dropped.map((d) => `dropped: ${d.count} comparisons on ${d.route}/${d.mirror} (${d.reason})`);
  return [...blocks, ...dropped].join('\n\n');
}
