import { percentileNearestRank } from './percentile';

describe('nearest-rank percentile', () => {
  const values = [15, 20, 35, 40, 50];
  it('is the smallest value with at least p% of the values at or below it', () => {
    expect(percentileNearestRank(values, 5)).toBe(15);
    expect(percentileNearestRank(values, 30)).toBe(20);
    expect(percentileNearestRank(values, 40)).toBe(20);
    expect(percentileNearestRank(values, 50)).toBe(35);
    expect(percentileNearestRank(values, 100)).toBe(50);
    expect(percentileNearestRank(values, 0)).toBe(15);
  });

  it('is null over no values', () => {
    expect(percentileNearestRank([], 50)).toBeNull();
  });
});
