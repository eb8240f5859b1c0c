/** One reading of a soak: seconds since the start and a value (RSS in MiB, probe latency in ms). */
export interface Point {
  readonly tS: number;
  readonly value: number;
}

/**
 * Upward drift is judged on two independent signs, both required, so that neither one step (a
 * heap resize, a GC) nor a noisy tail alone condemns a run: the least-squares slope over the
 * second half (the first half is warm-up: JIT, pools, heap growing to its working size), and the
 * last quarter's median against the second quarter's, by a relative and an absolute margin.
 */
export interface DriftRule {
  readonly unit: string;
  /** Slope over the second half, per minute, at or above which the value is climbing. */
  readonly maxSlopePerMin: number;
  /** Last-quarter median over second-quarter median, as a ratio (1.05 = 5 % higher). */
  readonly maxMedianRatio: number;
  /** ...and at least this much higher in absolute terms (a 10 % rise of 2 ms is noise). */
  readonly minMedianRise: number;
}

/** RSS: a leak of one small object per request at 100 req/s is well over 0.5 MiB/min. */
export const RSS_DRIFT_RULE: DriftRule = { unit: 'MiB', maxSlopePerMin: 0.5, maxMedianRatio: 1.05, minMedianRise: 4 };
/** Event-loop delay as a probe's latency: a growing backlog shows as a climbing probe. */
export const PROBE_DRIFT_RULE: DriftRule = { unit: 'ms', maxSlopePerMin: 1, maxMedianRatio: 1.5, minMedianRise: 2 };

/** Fewer readings than this cannot tell drift from noise: the verdict is then "too short", never drift. */
export const MIN_POINTS = 8;

export interface DriftVerdict {
  readonly drift: boolean;
  readonly tooShort: boolean;
  readonly slopePerMin: number;
  readonly secondQuarterMedian: number;
  readonly lastQuarterMedian: number;
  readonly summary: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Least-squares slope of value over time, per minute (0 for fewer than two distinct times). */
export function slopePerMinute(points: readonly Point[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanT = points.reduce((s, p) => s + p.tS, 0) / n;
  const meanV = points.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.tS - meanT) * (p.value - meanV);
    den += (p.tS - meanT) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

export function judgeDrift(points: readonly Point[], rule: DriftRule): DriftVerdict {
  const sorted = [...points].sort((a, b) => a.tS - b.tS);
  const n = sorted.length;
  const quarter = (i: number): number[] => sorted.slice(Math.floor((i * n) / 4), Math.floor(((i + 1) * n) / 4)).map((p) => p.value);
  const slope = slopePerMinute(sorted.slice(Math.floor(n / 2)));
  const q2 = median(quarter(1));
  const q4 = median(quarter(3));
  const fmt = (v: number): string => v.toFixed(2);
  if (n < MIN_POINTS)
    return {
      drift: false,
      tooShort: true,
      slopePerMin: slope,
      secondQuarterMedian: q2,
      lastQuarterMedian: q4,
      summary: `too short to judge (${n} readings, ${MIN_POINTS} needed)`,
    };
  const climbing = slope >= rule.maxSlopePerMin;
  const higher = q4 >= q2 * rule.maxMedianRatio && q4 - q2 >= rule.minMedianRise;
  const summary =
    `slope over the second half ${fmt(slope)} ${rule.unit}/min (limit ${rule.maxSlopePerMin}); ` +
    `last-quarter median ${fmt(q4)} vs second-quarter ${fmt(q2)} ${rule.unit} (limit ×${rule.maxMedianRatio} and +${rule.minMedianRise})`;
  return {
    drift: climbing && higher,
    tooShort: false,
    slopePerMin: slope,
    secondQuarterMedian: q2,
    lastQuarterMedian: q4,
    summary: `${climbing && higher ? 'DRIFT' : 'steady'}: ${summary}`,
  };
}
