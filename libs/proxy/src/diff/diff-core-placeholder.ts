// TEMPORARY stand-in for the diff core (captured-answer, compare-rules, answer-diff, diff-aggregator,
// noise-rule, diff-report): removed when the core is merged.
import { isDeepStrictEqual } from 'node:util';

export interface CapturedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
  readonly contentType: string | undefined;
  readonly requestId: string;
}

export type DifferenceKind = 'added' | 'removed' | 'type-changed' | 'value-changed';

export interface AnswerDifference {
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly live: unknown;
  readonly other: unknown;
}

export interface CompareRules {
  readonly ignore: readonly string[];
  readonly redact: readonly string[];
}

export function validateComparePath(entry: string): string | undefined {
  if (entry.startsWith('$') && entry.split('[').length !== entry.split(']').length) return `"${entry}" is not a JSON path: unclosed "["`;
  return undefined;
}

export function compileCompareRules(rules: { readonly ignore: readonly string[]; readonly redact: readonly string[] }): CompareRules {
  return rules;
}

export function diffAnswers(live: CapturedAnswer, other: CapturedAnswer, rules: CompareRules): AnswerDifference[] {
  const out: AnswerDifference[] = [];
  if (live.status !== other.status) out.push({ path: 'status', kind: 'value-changed', live: live.status, other: other.status });
  if (live.body === undefined || other.body === undefined) return out;
  walk(JSON.parse(live.body.toString()), JSON.parse(other.body.toString()), '$', rules, out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, rules: CompareRules, out: AnswerDifference[]): void {
  if (rules.ignore.includes(path)) return;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const at = Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`;
      if (!(key in y)) out.push({ path: at, kind: 'removed', live: x[key], other: undefined });
      else if (!(key in x)) out.push({ path: at, kind: 'added', live: undefined, other: y[key] });
      else walk(x[key], y[key], at, rules, out);
    }
    return;
  }
  if (!isDeepStrictEqual(a, b)) out.push({ path, kind: 'value-changed', live: a, other: b });
}

export interface DiffVerdict {
  readonly result: 'identical' | 'different';
  readonly regression: boolean;
  readonly paths: readonly string[];
}

export interface DiffPathReport {
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly count: number;
  readonly rate: number;
  readonly noiseCount: number;
  readonly noiseRate: number;
  readonly noise: boolean;
  readonly example: { readonly requestId: string; readonly live: unknown; readonly candidate: unknown };
}

export interface DiffRouteReport {
  readonly route: string;
  readonly mirror: string;
  readonly compared: number;
  readonly identical: number;
  readonly different: number;
  readonly regressions: number;
  readonly noise: { readonly cluster: string; readonly compared: number; readonly different: number } | null;
  readonly paths: readonly DiffPathReport[];
  readonly pathsOverflow: number;
}

export interface DiffPendingReport {
  readonly count: number;
  readonly bytes: number;
  readonly maxCount: number;
  readonly maxBytes: number;
}

export interface DiffDroppedReport {
  readonly route: string;
  readonly mirror: string;
  readonly reason: string;
  readonly count: number;
}

export interface DiffReport {
  readonly pending: DiffPendingReport;
  readonly dropped: readonly DiffDroppedReport[];
  readonly routes: readonly DiffRouteReport[];
}

interface Entry {
  compared: number;
  identical: number;
  different: number;
  regressions: number;
  noiseCompared: number;
  noiseDifferent: number;
  paths: Map<string, { kind: DifferenceKind; count: number; noiseCount: number; example: DiffPathReport['example'] }>;
}

export class DiffAggregator {
  private readonly entries = new Map<string, Entry & { route: string; mirror: string; noiseCluster: string | undefined }>();

  configure(route: string, mirror: string, options: { readonly rules: CompareRules; readonly noiseCluster: string | undefined }): void {
    const key = `${route}\u0000${mirror}`;
    if (this.entries.has(key)) return;
    this.entries.set(key, {
      route,
      mirror,
      noiseCluster: options.noiseCluster,
      compared: 0,
      identical: 0,
      different: 0,
      regressions: 0,
      noiseCompared: 0,
      noiseDifferent: 0,
      paths: new Map(),
    });
  }

  private entry(route: string, mirror: string) {
    return this.entries.get(`${route}\u0000${mirror}`);
  }

  isNoisePath(route: string, mirror: string, path: string): boolean {
    const entry = this.entry(route, mirror);
    const found = entry?.paths.get(path);
    if (entry === undefined || found === undefined) return false;
    return entry.noiseCompared > 0 && found.noiseCount / entry.noiseCompared >= (found.count / Math.max(entry.compared, 1)) * 0.8;
  }

  recordCandidate(route: string, mirror: string, requestId: string, differences: readonly AnswerDifference[]): DiffVerdict {
    const entry = this.entry(route, mirror);
    if (entry === undefined) return { result: 'identical', regression: false, paths: [] };
    entry.compared += 1;
    if (differences.length === 0) entry.identical += 1;
    else entry.different += 1;
    const paths = differences.filter((d) => !this.isNoisePath(route, mirror, d.path)).map((d) => d.path);
    if (paths.length > 0) entry.regressions += 1;
    for (const d of differences) {
      const found = entry.paths.get(d.path);
      if (found !== undefined) found.count += 1;
      else
        entry.paths.set(d.path, {
          kind: d.kind,
          count: 1,
          noiseCount: 0,
          example: { requestId, live: d.live ?? null, candidate: d.other ?? null },
        });
    }
    return { result: differences.length === 0 ? 'identical' : 'different', regression: paths.length > 0, paths: paths.slice(0, 10) };
  }

  recordNoise(route: string, mirror: string, differences: readonly AnswerDifference[]): void {
    const entry = this.entry(route, mirror);
    if (entry === undefined) return;
    entry.noiseCompared += 1;
    if (differences.length > 0) entry.noiseDifferent += 1;
    for (const d of differences) {
      const found = entry.paths.get(d.path);
      if (found !== undefined) found.noiseCount += 1;
      else
        entry.paths.set(d.path, {
          kind: d.kind,
          count: 0,
          noiseCount: 1,
          example: { requestId: '', live: d.live ?? null, candidate: null },
        });
    }
  }

  snapshot(): DiffRouteReport[] {
    return [...this.entries.values()].map((e) => ({
      route: e.route,
      mirror: e.mirror,
      compared: e.compared,
      identical: e.identical,
      different: e.different,
      regressions: e.regressions,
      noise: e.noiseCluster === undefined ? null : { cluster: e.noiseCluster, compared: e.noiseCompared, different: e.noiseDifferent },
      paths: [...e.paths].map(([path, p]) => ({
        path,
        kind: p.kind,
        count: p.count,
        rate: e.compared === 0 ? 0 : p.count / e.compared,
        noiseCount: p.noiseCount,
        noiseRate: e.noiseCompared === 0 ? 0 : p.noiseCount / e.noiseCompared,
        noise: this.isNoisePath(e.route, e.mirror, path),
        example: p.example,
      })),
      pathsOverflow: 0,
    }));
  }
}
