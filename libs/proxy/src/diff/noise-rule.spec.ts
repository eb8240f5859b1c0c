import { isNoise, NOISE_RULE_DEFAULTS } from './noise-rule';

describe('isNoise (defaults: 20 samples, 20 % relative, 3 points absolute)', () => {
  it('has the documented defaults', () => {
    expect(NOISE_RULE_DEFAULTS).toEqual({ minNoiseSamples: 20, relativePercent: 20, absolutePoints: 3 });
  });

  it.each([
    // The minimum of noise samples.
    ['19 noise samples: too few to call anything noise', 100, 100, 19, 19, false],
    ['20 noise samples: enough', 100, 100, 20, 20, true],
    // The live instances never disagree on the path: always signal.
    ['noise never differs, candidate rarely does', 2, 100, 0, 100, false],
    // Noise at 50 %: relative 20 % of 50 % = 10 points governs (over 3 points).
    ['just at the relative bound: 60 % vs 50 %', 60, 100, 50, 100, true],
    ['just above the relative bound: 61 % vs 50 %', 61, 100, 50, 100, false],
    // Noise at 5 %: relative is 1 point, absolute 3 points governs.
    ['just at the absolute bound: 8 % vs 5 %', 8, 100, 5, 100, true],
    ['just above the absolute bound: 9 % vs 5 %', 9, 100, 5, 100, false],
    // Rates, not counts: the noise cluster may get a share of the requests only.
    ['rates compared on different denominators: 120/200 vs 25/50', 120, 200, 25, 50, true],
    ['rates compared on different denominators: 122/200 vs 25/50', 122, 200, 25, 50, false],
    ['a candidate that differs less often than the noise', 10, 100, 90, 100, true],
    ['both always differ (a timestamp)', 120, 120, 119, 119, true],
  ])('%s', (_, count, compared, noiseCount, noiseCompared, expected) => {
    expect(isNoise({ count, compared, noiseCount, noiseCompared })).toBe(expected);
  });

  it('takes other thresholds', () => {
    const strict = { minNoiseSamples: 1, relativePercent: 0, absolutePoints: 0 };
    expect(isNoise({ count: 51, compared: 100, noiseCount: 1, noiseCompared: 2 }, strict)).toBe(false);
    expect(isNoise({ count: 50, compared: 100, noiseCount: 1, noiseCompared: 2 }, strict)).toBe(true);
  });
});
