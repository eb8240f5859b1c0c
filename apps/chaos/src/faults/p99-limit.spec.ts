import { type LoadRecord } from './steady-load';
import { P99_FLOOR_MS, p99Limit, windowedP99 } from './p99-limit';

describe('p99Limit', () => {
  it('is twice the calm p99 when that is above the floor', () => {
    expect(p99Limit(400)).toBe(800);
  });

  it('is the floor when the calm run was fast', () => {
    expect(p99Limit(2)).toBe(P99_FLOOR_MS);
  });

  it('adds latency a scenario injects on purpose (a delayed live)', () => {
    expect(p99Limit(2, 100)).toBe(P99_FLOOR_MS + 100);
  });
});

/** `seconds` windows of 100 answers each taking `ms(second)`. */
const run = (seconds: number, ms: (second: number) => number): LoadRecord[] =>
  Array.from({ length: seconds * 100 }, (_v, i) => ({ atMs: i * 10, ms: ms(Math.floor(i / 100)), outcome: '200' }));

describe('windowedP99', () => {
  it('is not moved by a stall of a few seconds in a 10 s run', () => {
    expect(windowedP99(run(10, (s) => (s < 3 ? 500 : 5)))).toBe(5);
  });

  it('shows a fault that slows every window after it began', () => {
    expect(windowedP99(run(10, (s) => (s < 3 ? 5 : 3_000)))).toBe(3_000);
  });

  it('judges only 2xx answers, and leaves out windows too small for a p99', () => {
    const records = [...run(4, () => 5), { atMs: 9_000, ms: 9_999, outcome: '200' }, { atMs: 100, ms: 9_999, outcome: '502' }];
    expect(windowedP99(records)).toBe(5);
  });
});
