/** Prometheus' default latency buckets, in seconds, narrowed at the low end for a sidecar. */
export const DURATION_BUCKETS_SECONDS: readonly number[] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A fixed-bucket histogram for Prometheus' `_bucket/_sum/_count` (percentiles for the JSON
 * snapshot come from LatencyHistogram: these buckets are too coarse for them).
 */
export class Histogram {
  /** Non-cumulative counts per bucket; the last slot is +Inf. */
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly buckets: readonly number[] = DURATION_BUCKETS_SECONDS) {
    this.counts = new Array<number>(buckets.length + 1).fill(0);
  }

  observe(value: number): void {
    let i = 0;
    while (i < this.buckets.length && value > (this.buckets[i] as number)) i += 1;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.sum += value;
    this.count += 1;
  }
}
