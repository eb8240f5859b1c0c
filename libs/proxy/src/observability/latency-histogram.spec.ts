import { LATENCY_BUCKET_COUNT, LATENCY_MAX_MICROS, LatencyHistogram } from './latency-histogram';

/** The stated bound: half a bucket of 1/64 of its lower bound, plus rounding to the microsecond. */
const RELATIVE_ERROR = 1 / 128;

/** Deterministic (mulberry32): a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

function expectWithinError(estimate: number | undefined, exact: number): void {
  expect(estimate).toBeDefined();
  expect(Math.abs((estimate as number) - exact)).toBeLessThanOrEqual(exact * RELATIVE_ERROR + 0.0005);
}

describe('LatencyHistogram', () => {
  it.each([
    [
      'a log-normal around 20 ms',
      1,
      (r: () => number) => Math.exp(Math.log(20) + 0.8 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())),
    ],
    ['a bimodal 2 ms / 300 ms (a slow mirror)', 2, (r: () => number) => (r() < 0.9 ? 2 + r() : 300 + 200 * r())],
    ['sub-millisecond local answers', 3, (r: () => number) => 0.02 + 0.5 * r()],
    ['a long tail up to a minute', 4, (r: () => number) => 1 / (1 - r() * 0.99999) ** 1.5],
  ])('p50/p95/p99 of %s are within 0.8 %% of the exact values', (_name, seed, draw) => {
    const next = random(seed);
    const histogram = new LatencyHistogram();
    const values: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const value = Math.round(draw(next) * 1000) / 1000; // whole microseconds, as recorded
      values.push(value);
      histogram.record(value);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) expectWithinError(histogram.quantileMs(q), exactQuantile(values, q));
    expect(histogram.count).toBe(values.length);
    expect(histogram.meanMs()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expect(histogram.maxMs()).toBe(values.at(-1));
  });

  it('is exact below 128 µs and never reports outside the observed range', () => {
    const histogram = new LatencyHistogram();
    [0.001, 0.002, 0.05, 0.127].forEach((ms) => histogram.record(ms));
    expect(histogram.quantileMs(0.5)).toBe(0.002);
    expect(histogram.quantileMs(1)).toBe(0.127);
    const single = new LatencyHistogram();
    single.record(1234.567);
    expect(single.quantileMs(0.5)).toBe(1234.567);
    expect(single.quantileMs(0.99)).toBe(1234.567);
  });

  it('has no figures before the first observation', () => {
    const histogram = new LatencyHistogram();
    expect([histogram.meanMs(), histogram.quantileMs(0.99), histogram.maxMs()]).toEqual([undefined, undefined, undefined]);
  });

  it('counts NaN and negative durations as 0 and clamps durations past its range', () => {
    const histogram = new LatencyHistogram();
    histogram.record(Number.NaN);
    histogram.record(-5);
    histogram.record(10 * 60 * 60 * 1000); // ten hours
    expect(histogram.count).toBe(3);
    expect(histogram.quantileMs(0.5)).toBe(0);
    expect(histogram.maxMs()).toBe(LATENCY_MAX_MICROS / 1000);
    expect(LATENCY_BUCKET_COUNT).toBe(1728);
  });

  it('merges exactly: the merged quantiles are those of all observations together', () => {
    const next = random(5);
    const [a, b, all] = [new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram()];
    for (let i = 0; i < 5000; i += 1) {
      const fast = next() * 10;
      const slow = 100 + next() * 400;
      a.record(fast);
      b.record(slow);
      all.record(fast);
      all.record(slow);
    }
    a.merge(b);
    expect([a.count, a.quantileMs(0.5), a.quantileMs(0.99), a.maxMs()]).toEqual([
      all.count,
      all.quantileMs(0.5),
      all.quantileMs(0.99),
      all.maxMs(),
    ]);
    expect(a.meanMs()).toBeCloseTo(all.meanMs() as number, 9);
  });
});
