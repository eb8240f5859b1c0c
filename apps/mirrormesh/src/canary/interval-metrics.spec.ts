import { type ClusterRead } from './cluster-read';
import { bucketQuantile, intervalMetrics, isFailureCode } from './interval-metrics';

const read = (codes: Record<string, number>, buckets: [number, number][]): ClusterRead => ({
  byCode: new Map(Object.entries(codes)),
  buckets: new Map(buckets),
});

describe('interval metrics from two cumulative reads', () => {
  it('counts 5xx and failed exchanges as failures, 4xx not', () => {
    expect(['200', '404', '499'].map(isFailureCode)).toEqual([false, false, false]);
    expect(['500', '503', 'upstream_timeout', 'upstream_reset'].map(isFailureCode)).toEqual([true, true, true, true]);
  });

  it('takes success rate and p99 of the interval only, not of everything before it', () => {
    // Before: 100 slow failures. In the interval: 100 fast successes, 1 failure.
    const before = read({ '500': 100 }, [[900, 100]]);
    const after = read({ '500': 101, '200': 100 }, [
      [900, 100],
      [10, 100],
      [20, 1],
    ]);
    const metrics = intervalMetrics(before, after);
    expect(metrics).toEqual({ requests: 101, failures: 1, successRate: (100 * 100) / 101, p99Ms: 10 });
  });

  it('has no success rate nor p99 without traffic in the interval', () => {
    const same = read({ '200': 5 }, [[3, 5]]);
    expect(intervalMetrics(same, same)).toEqual({ requests: 0, failures: 0, successRate: undefined, p99Ms: undefined });
  });

  it('treats the first read as the interval when there is no earlier one, and a restart (counters went down) likewise', () => {
    expect(intervalMetrics(undefined, read({ '200': 2 }, [[5, 2]]))).toMatchObject({ requests: 2, successRate: 100, p99Ms: 5 });
    const restarted = intervalMetrics(read({ '200': 50 }, [[5, 50]]), read({ '200': 3 }, [[7, 3]]));
    expect(restarted).toMatchObject({ requests: 3, p99Ms: 7 });
  });

  it('takes a nearest-rank quantile of sparse buckets in any order', () => {
    const buckets = new Map([
      [300, 1],
      [1, 98],
      [50, 1],
    ]);
    expect(bucketQuantile(buckets, 0.99)).toBe(50);
    expect(bucketQuantile(buckets, 1)).toBe(300);
    expect(bucketQuantile(new Map(), 0.99)).toBeUndefined();
  });
});
