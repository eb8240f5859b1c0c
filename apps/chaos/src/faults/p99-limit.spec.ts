import { P99_FLOOR_MS, p99Limit } from './p99-limit';

describe('p99Limit', () => {
  it('is twice the calm p99 when that is above the floor', () => {
    expect(p99Limit(40)).toBe(80);
  });

  it('is the floor when the calm run was very fast', () => {
    expect(p99Limit(2)).toBe(P99_FLOOR_MS);
  });

  it('adds latency a scenario injects on purpose (a delayed live)', () => {
    expect(p99Limit(2, 100)).toBe(P99_FLOOR_MS + 100);
  });
});
