import { judgeDrift, median, MIN_POINTS, RSS_DRIFT_RULE, slopePerMinute, type Point } from './drift';

/** One reading every 10 s for `minutes`, from `f(tS)`. */
const series = (minutes: number, f: (tS: number) => number): Point[] =>
  Array.from({ length: minutes * 6 + 1 }, (_, i) => ({ tS: i * 10, value: f(i * 10) }));

describe('median and slopePerMinute', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('slope of a straight line, per minute', () => {
    expect(slopePerMinute(series(5, (t) => 100 + t / 60))).toBeCloseTo(1, 10);
    expect(slopePerMinute([{ tS: 1, value: 5 }])).toBe(0);
  });
});

describe('judgeDrift (RSS)', () => {
  it('a flat series with noise is steady', () => {
    const noisy = series(10, (t) => 120 + (((t * 7919) % 13) - 6) * 0.5);
    expect(judgeDrift(noisy, RSS_DRIFT_RULE)).toMatchObject({ drift: false, tooShort: false });
  });

  it('warm-up growth that levels off is steady (the first half is not judged)', () => {
    const warm = series(10, (t) => 140 - 60 * Math.exp(-t / 60));
    expect(judgeDrift(warm, RSS_DRIFT_RULE).drift).toBe(false);
  });

  it('a steady leak is drift', () => {
    const verdict = judgeDrift(
      series(10, (t) => 100 + (2 * t) / 60),
      RSS_DRIFT_RULE,
    );
    expect(verdict.drift).toBe(true);
    expect(verdict.slopePerMin).toBeCloseTo(2, 5);
    expect(verdict.summary).toMatch(/^DRIFT: slope over the second half 2.00 MiB\/min/);
  });

  it('one late step (a heap resize) is not drift: the slope sees it, the medians do not both agree', () => {
    const step = series(10, (t) => (t >= 590 ? 160 : 100));
    expect(judgeDrift(step, RSS_DRIFT_RULE).drift).toBe(false);
  });

  it('a slow climb under the absolute margin is not drift', () => {
    expect(
      judgeDrift(
        series(10, (t) => 20 + (0.6 * t) / 60),
        RSS_DRIFT_RULE,
      ).drift,
    ).toBe(false);
  });

  it('too few readings are never drift', () => {
    const few = series(1, (t) => 100 + t).slice(0, MIN_POINTS - 1);
    expect(judgeDrift(few, RSS_DRIFT_RULE)).toMatchObject({ drift: false, tooShort: true });
  });

  it('judges readings in time order whatever order they come in', () => {
    const leak = series(10, (t) => 100 + (2 * t) / 60).reverse();
    expect(judgeDrift(leak, RSS_DRIFT_RULE).drift).toBe(true);
  });
});
