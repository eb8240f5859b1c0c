import { type AnswerDifference } from './answer-diff';
import { DEFAULT_COMPARE_RULES, type CompareRules } from './compare-rules';
import { type DiffRouteReport } from './diff-report';
import { compareText, DiffTarget, type DiffVerdict } from './diff-target';
import { NOISE_RULE_DEFAULTS, type NoiseRuleOptions } from './noise-rule';

export { DIFF_VERDICT_MAX_PATHS, type DiffVerdict } from './diff-target';

/** Paths kept per route and mirror (noise paths likewise): a bound on memory and on metric series. */
export const DEFAULT_MAX_DIFF_PATHS = 100;

export interface DiffAggregatorOptions {
  readonly maxPaths?: number;
  readonly noiseRule?: NoiseRuleOptions;
}

/** What a route's mirror compares with: its rules (to redact examples) and its noise cluster, if any. */
export interface DiffTargetOptions {
  readonly rules?: CompareRules;
  readonly noiseCluster?: string | undefined;
}

/**
 * The shadow diff's counters for every (route, mirror) compared since start, as GET /diff
 * reports them (see DiffTarget). Whether a differing path is noise is decided with the
 * counts of the time a pair is recorded (for `regressions` and the verdict) and again with
 * the counts of the time of the snapshot (for each path's `noise`).
 */
export class DiffAggregator {
  private readonly targets = new Map<string, DiffTarget>();
  private readonly maxPaths: number;
  private readonly noiseRule: NoiseRuleOptions;

  constructor(options: DiffAggregatorOptions = {}) {
    this.maxPaths = options.maxPaths ?? DEFAULT_MAX_DIFF_PATHS;
    this.noiseRule = options.noiseRule ?? NOISE_RULE_DEFAULTS;
  }

  /**
   * Sets a route's mirror rules and noise cluster, at config load and reload; the counts
   * stay. A pair recorded for a route and mirror never configured uses the default rules
   * (credential headers redacted) and no noise cluster.
   */
  configure(route: string, mirror: string, options: DiffTargetOptions): void {
    const target = this.target(route, mirror);
    target.rules = options.rules ?? DEFAULT_COMPARE_RULES;
    target.setNoiseCluster(options.noiseCluster);
  }

  /** One live/candidate pair compared (`differences` from diffAnswers). */
  recordCandidate(route: string, mirror: string, requestId: string, differences: readonly AnswerDifference[]): DiffVerdict {
    return this.target(route, mirror).recordCandidate(requestId, differences);
  }

  /** One live/live pair compared; ignored for a route's mirror configured without a noise cluster. */
  recordNoise(route: string, mirror: string, differences: readonly AnswerDifference[]): void {
    this.targets.get(targetKey(route, mirror))?.recordNoise(differences);
  }

  /** The `routes` of GET /diff, by route then mirror. */
  snapshot(): DiffRouteReport[] {
    const targets = [...this.targets.values()].sort((a, b) => compareText(a.route, b.route) || compareText(a.mirror, b.mirror));
    return targets.map((target) => target.report());
  }

  private target(route: string, mirror: string): DiffTarget {
    const key = targetKey(route, mirror);
    let target = this.targets.get(key);
    if (target === undefined) this.targets.set(key, (target = new DiffTarget(route, mirror, this.maxPaths, this.noiseRule)));
    return target;
  }
}

const targetKey = (route: string, mirror: string) => JSON.stringify([route, mirror]);
