/** One sample of the Prometheus text exposition format: `name{label="value",...} value`. */
export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

function unescapeLabel(value: string): string {
  return value.replace(/\\(.)/g, (_all, c: string) => (c === 'n' ? '\n' : c));
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const at = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (match === null || LABEL.lastIndex === at) throw new Error(`malformed labels in metrics line: ${line}`);
    labels[match[1] as string] = unescapeLabel(match[2] as string);
  }
  return labels;
}

/** Parses exposition text; comments and blank lines are skipped, a malformed sample line throws (naming it). */
export function parsePrometheusText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (match === null) throw new Error(`malformed metrics line: ${line}`);
    const value = Number(match[3]);
    if (Number.isNaN(value) && match[3] !== 'NaN') throw new Error(`malformed value in metrics line: ${line}`);
    samples.push({ name: match[1] as string, labels: match[2] === undefined ? {} : parseLabels(match[2], line), value });
  }
  return samples;
}

/** Sums `name`'s samples whose labels satisfy `where`, grouped by the value of label `by`. */
export function sumBy(
  samples: readonly PromSample[],
  name: string,
  by: string,
  where: (labels: Readonly<Record<string, string>>) => boolean = () => true,
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const sample of samples) {
    if (sample.name !== name || !where(sample.labels)) continue;
    const key = sample.labels[by] ?? '';
    sums[key] = (sums[key] ?? 0) + sample.value;
  }
  return sums;
}
