/**
 * Diffy's noise rule. Three answers to each compared request: live vs candidate is the
 * signal, live vs a second live instance (same version twice) is the noise. A path that
 * differs between the two live instances (a timestamp, a random id, an unordered list)
 * will differ in the candidate too, and is no finding of the release.
 *
 * Diffy (twitter/diffy) counts, per field, differences of primary vs candidate (raw) and of
 * primary vs secondary (noise) and keeps a field when raw > noise and both
 * |raw − noise| / (raw + noise) and |raw − noise| / requests exceed a relative and an
 * absolute threshold. Here the two sides are rates, since the noise cluster may receive
 * only a share of the compared requests (`noise.percentage`), and the rule is one-sided:
 *
 *   rate = count / compared, noiseRate = noiseCount / noiseCompared, excess = rate − noiseRate
 *   noise ⇔ noiseCompared ≥ minNoiseSamples
 *           ∧ noiseCount ≥ 1
 *           ∧ ¬(excess > absolutePoints/100 ∧ excess > relativePercent/100 × noiseRate)
 *
 * - minNoiseSamples: below it the noise rate is a guess, and a guess must not hide a regression.
 * - noiseCount ≥ 1: noise is a claim that the live instances do disagree on this path; a
 *   path they never disagree on is signal however rare (a 2 % error rate is a finding).
 * - both thresholds must be exceeded for a regression: the relative one alone would flag
 *   tiny wobbles of a rare noisy path (1 % vs 1.3 %), the absolute one alone would flag
 *   the statistical wobble of a path that is noisy half the time (50 % vs 54 %).
 * - a candidate that differs less often than the noise is noise (one-sided: Diffy's
 *   raw > noise).
 *
 * The inequalities are evaluated cross-multiplied, in integers when the thresholds are,
 * so that a table of counts lands exactly on either side of a threshold (exact while
 * 100 × count × noiseCompared stays below 2^53; past that, rounding matters only at a tie).
 */
export interface NoiseRuleOptions {
  /** Live/live comparisons needed before any path can be called noise. */
  readonly minNoiseSamples: number;
  /** The candidate's rate may exceed the noise rate by this share of the noise rate (percent)... */
  readonly relativePercent: number;
  /** ...or by this many percentage points, whichever is more, and still be noise. */
  readonly absolutePoints: number;
}

export const NOISE_RULE_DEFAULTS: NoiseRuleOptions = { minNoiseSamples: 20, relativePercent: 20, absolutePoints: 3 };

/** One path's counts: live/candidate pairs, and live/live pairs. */
export interface NoiseSample {
  /** Pairs (live, candidate) in which the path differed. */
  readonly count: number;
  /** Pairs (live, candidate) compared. */
  readonly compared: number;
  /** Pairs (live, live) in which the path differed. */
  readonly noiseCount: number;
  /** Pairs (live, live) compared. */
  readonly noiseCompared: number;
}

export function isNoise(sample: NoiseSample, options: NoiseRuleOptions = NOISE_RULE_DEFAULTS): boolean {
  const { count, compared, noiseCount, noiseCompared } = sample;
  if (noiseCompared < options.minNoiseSamples || noiseCompared <= 0 || noiseCount < 1) return false;
  // excess × compared × noiseCompared, exact for counts that are integers.
  const excess = count * noiseCompared - noiseCount * compared;
  const overAbsolute = excess * 100 > options.absolutePoints * compared * noiseCompared;
  const overRelative = excess * 100 > options.relativePercent * noiseCount * compared;
  return !(overAbsolute && overRelative);
}
