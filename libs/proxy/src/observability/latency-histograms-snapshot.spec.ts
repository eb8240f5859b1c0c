import { ClusterLatencies } from './cluster-latencies';
import { buildLatencyHistograms, type SparseLatencyHistogram } from './latency-histograms-snapshot';

/** What a client does with two reads: subtract bucket by bucket, then take a nearest-rank quantile. */
function intervalQuantile(before: SparseLatencyHistogram | undefined, after: SparseLatencyHistogram, q: number): number | undefined {
  const earlier = new Map(before?.buckets.map(([ms, count]) => [ms, count]));
  const buckets = after.buckets.map(([ms, count]) => [ms, count - (earlier.get(ms) ?? 0)] as const);
  const total = buckets.reduce((n, [, count]) => n + count, 0);
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [ms, count] of buckets) if ((seen += count) >= rank) return ms;
  return undefined;
}

describe('latency histograms for GET /stats?histograms=1', () => {
  it('lists only non-empty buckets, ascending, whose counts add up to the count', () => {
    const live = new ClusterLatencies();
    for (const ms of [1, 1, 5, 250, 0.3]) live.record('v1', ms);
    const { live: byCluster, mirror } = buildLatencyHistograms(live, new ClusterLatencies());
    const v1 = byCluster['v1'] as SparseLatencyHistogram;
    expect(v1.count).toBe(5);
    expect(v1.buckets.reduce((n, [, count]) => n + count, 0)).toBe(5);
    expect(v1.buckets.map(([ms]) => ms)).toEqual([...v1.buckets.map(([ms]) => ms)].sort((a, b) => a - b));
    expect(v1.buckets).toHaveLength(4);
    expect(mirror).toEqual({});
  });

  it('gives the p99 of one interval from two cumulative reads, within 0.8 %, however slow the earlier traffic was', () => {
    const mirror = new ClusterLatencies();
    for (let i = 0; i < 1000; i += 1) mirror.record('candidate', 2000 + i);
    const before = buildLatencyHistograms(new ClusterLatencies(), mirror).mirror['candidate'];
    const fresh: number[] = [];
    for (let i = 1; i <= 500; i += 1) {
      fresh.push(10 + i / 10);
      mirror.record('candidate', 10 + i / 10);
    }
    const after = buildLatencyHistograms(new ClusterLatencies(), mirror).mirror['candidate'] as SparseLatencyHistogram;
    const exact = fresh[Math.ceil(0.99 * fresh.length) - 1] as number;
    const estimate = intervalQuantile(before, after, 0.99) as number;
    expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(exact / 128 + 0.0005);
  });
});
