import { type AnswerDifference } from './answer-diff';
import { DEFAULT_COMPARE_RULES, type CompareRules } from './compare-rules';
import { exampleValue } from './diff-example';
import { type DiffExample, type DiffKind, type DiffPathReport, type DiffRouteReport } from './diff-report';
import { isNoise, type NoiseRuleOptions } from './noise-rule';

/** Paths a verdict names (the telemetry event's `diff.paths`). */
export const DIFF_VERDICT_MAX_PATHS = 10;

/** The outcome of one live/candidate pair, for metrics and the mirror exchange's event. */
export interface DiffVerdict {
  readonly result: 'identical' | 'different';
  /** At least one differing path was not noise at the time. */
  readonly regression: boolean;
  /** The first differing paths that were not noise, at most DIFF_VERDICT_MAX_PATHS. */
  readonly paths: readonly string[];
}

interface PathEntry {
  readonly path: string;
  readonly kind: DiffKind;
  count: number;
  readonly example: DiffExample;
}

interface NoiseCounts {
  readonly cluster: string;
  compared: number;
  different: number;
  /** By (path, kind) key, capped like the candidate's paths. */
  readonly counts: Map<string, number>;
}

/** A path is counted per kind: `$.year` removed and `$.year` type-changed are two findings. */
const keyOf = (difference: AnswerDifference) => `${difference.kind}:${difference.path}`;

/** Each (path, kind) of a pair once, in order. */
function distinct(differences: readonly AnswerDifference[]): [string, AnswerDifference][] {
  const seen = new Map<string, AnswerDifference>();
  for (const difference of differences) {
    const key = keyOf(difference);
    if (!seen.has(key)) seen.set(key, difference);
  }
  return [...seen.entries()];
}

/**
 * The cumulative counts of one route's mirror: pairs compared, identical, different,
 * regressions, and per (path, kind) how often it differed from live in the candidate and in
 * the noise cluster. Paths past the cap are counted in `pathsOverflow` (one per pair and
 * path) and make their pair a regression: a path nobody can see is not dismissed as noise.
 * A path's example is the first pair it differed in, redacted by the rules of that time.
 */
export class DiffTarget {
  rules: CompareRules = DEFAULT_COMPARE_RULES;
  private noise: NoiseCounts | undefined;
  private compared = 0;
  private identical = 0;
  private different = 0;
  private regressions = 0;
  private readonly paths = new Map<string, PathEntry>();
  private pathsOverflow = 0;

  constructor(
    readonly route: string,
    readonly mirror: string,
    private readonly maxPaths: number,
    private readonly noiseRule: NoiseRuleOptions,
  ) {}

  /** A changed noise cluster starts its counts afresh: they described another instance. */
  setNoiseCluster(cluster: string | undefined): void {
    if (cluster === undefined) this.noise = undefined;
    else if (this.noise?.cluster !== cluster) this.noise = { cluster, compared: 0, different: 0, counts: new Map() };
  }

  recordCandidate(requestId: string, differences: readonly AnswerDifference[]): DiffVerdict {
    this.compared += 1;
    if (differences.length === 0) {
      this.identical += 1;
      return { result: 'identical', regression: false, paths: [] };
    }
    this.different += 1;
    let regression = false;
    const paths: string[] = [];
    for (const [key, difference] of distinct(differences)) {
      const entry = this.entry(key, difference, requestId);
      if (entry === undefined) this.pathsOverflow += 1;
      else entry.count += 1;
      if (entry !== undefined && this.isNoisePath(key, entry.count)) continue;
      regression = true;
      if (paths.length < DIFF_VERDICT_MAX_PATHS) paths.push(difference.path);
    }
    if (regression) this.regressions += 1;
    return { result: 'different', regression, paths };
  }

  /** One live/live pair; nothing without a noise cluster. */
  recordNoise(differences: readonly AnswerDifference[]): void {
    const noise = this.noise;
    if (noise === undefined) return;
    noise.compared += 1;
    if (differences.length > 0) noise.different += 1;
    for (const [key] of distinct(differences)) {
      const count = noise.counts.get(key);
      if (count !== undefined) noise.counts.set(key, count + 1);
      else if (noise.counts.size < this.maxPaths) noise.counts.set(key, 1);
    }
  }

  /** An item of GET /diff's `routes`: paths by count (most first), then path and kind. */
  report(): DiffRouteReport {
    const noise = this.noise;
    const paths = [...this.paths.entries()].map(([key, entry]): DiffPathReport => {
      const noiseCount = noise?.counts.get(key) ?? 0;
      return {
        path: entry.path,
        kind: entry.kind,
        count: entry.count,
        rate: entry.count / this.compared,
        noiseCount,
        noiseRate: noise !== undefined && noise.compared > 0 ? noiseCount / noise.compared : 0,
        noise: this.isNoisePath(key, entry.count),
        example: entry.example,
      };
    });
    paths.sort((a, b) => b.count - a.count || compareText(a.path, b.path) || compareText(a.kind, b.kind));
    return {
      route: this.route,
      mirror: this.mirror,
      compared: this.compared,
      identical: this.identical,
      different: this.different,
      regressions: this.regressions,
      noise: noise === undefined ? null : { cluster: noise.cluster, compared: noise.compared, different: noise.different },
      paths,
      pathsOverflow: this.pathsOverflow,
    };
  }

  private isNoisePath(key: string, count: number): boolean {
    const noise = this.noise;
    if (noise === undefined) return false;
    const sample = { count, compared: this.compared, noiseCount: noise.counts.get(key) ?? 0, noiseCompared: noise.compared };
    return isNoise(sample, this.noiseRule);
  }

  private entry(key: string, difference: AnswerDifference, requestId: string): PathEntry | undefined {
    const existing = this.paths.get(key);
    if (existing !== undefined || this.paths.size >= this.maxPaths) return existing;
    const example: DiffExample = {
      requestId,
      live: exampleValue(difference.path, difference.live, this.rules),
      candidate: exampleValue(difference.path, difference.other, this.rules),
    };
    const entry: PathEntry = { path: difference.path, kind: difference.kind, count: 0, example };
    this.paths.set(key, entry);
    return entry;
  }
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
