/**
 * Sub-buckets per power of two (2^6 = 64). Each bucket spans at most 1/64 of its lower bound
 * and a quantile is reported as the bucket's midpoint, so it is within 1/128 (< 0.8 %) of
 * the exact value (plus rounding to the microsecond).
 */
export const LATENCY_SUB_BUCKET_BITS = 6;
const SUB_BUCKETS = 2 ** LATENCY_SUB_BUCKET_BITS;
/** Durations are kept in whole microseconds up to 2^32 - 1 µs (about 71 minutes); longer ones count as that. */
export const LATENCY_MAX_MICROS = 2 ** 32 - 1;
/** 64 exact 1 µs buckets, then 64 per power of two from 2^6 to 2^31: 1728 counters, 13.5 KiB. */
export const LATENCY_BUCKET_COUNT = SUB_BUCKETS + (32 - LATENCY_SUB_BUCKET_BITS) * SUB_BUCKETS;

function bucketOf(micros: number): number {
  if (micros < SUB_BUCKETS) return micros;
  const shift = 31 - Math.clz32(micros) - LATENCY_SUB_BUCKET_BITS;
  return SUB_BUCKETS + shift * SUB_BUCKETS + ((micros >>> shift) - SUB_BUCKETS);
}

/** The middle of bucket i, in microseconds (buckets hold whole microseconds lower..lower+width-1). */
export function midpointOf(i: number): number {
  if (i < SUB_BUCKETS) return i;
  const shift = Math.floor((i - SUB_BUCKETS) / SUB_BUCKETS);
  const width = 2 ** shift;
  const lower = (SUB_BUCKETS + ((i - SUB_BUCKETS) % SUB_BUCKETS)) * width;
  return lower + (width - 1) / 2;
}

/**
 * A log-linear (HDR-style) histogram of durations for the JSON snapshot's percentiles.
 * Chosen over a ring buffer of recent samples because it covers every observation (its
 * percentiles agree with its count and mean), it merges exactly (a role's figures are the
 * sum of its clusters'), and its error is bounded and stated; memory is fixed
 * (LATENCY_BUCKET_COUNT counters) and `record` is O(1) without allocating.
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(LATENCY_BUCKET_COUNT);
  count = 0;
  private sumMs = 0;
  private minMicros = LATENCY_MAX_MICROS;
  private maxMicros = 0;

  record(durationMs: number): void {
    // NaN and negatives (a clock step) count as 0.
    const ms = durationMs > 0 ? durationMs : 0;
    const micros = Math.min(Math.round(ms * 1000), LATENCY_MAX_MICROS);
    const i = bucketOf(micros);
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count += 1;
    this.sumMs += ms;
    if (micros < this.minMicros) this.minMicros = micros;
    if (micros > this.maxMicros) this.maxMicros = micros;
  }

  meanMs(): number | undefined {
    return this.count === 0 ? undefined : this.sumMs / this.count;
  }

  maxMs(): number | undefined {
    return this.count === 0 ? undefined : this.maxMicros / 1000;
  }

  /** Quantile q (0–1) by nearest rank, in ms, within 0.8 % of the exact value; undefined when empty. */
  quantileMs(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < LATENCY_BUCKET_COUNT; i += 1) {
      seen += this.counts[i] as number;
      if (seen >= rank) return Math.min(Math.max(midpointOf(i), this.minMicros), this.maxMicros) / 1000;
    }
    return this.maxMicros / 1000;
  }

  /** The non-empty buckets in ascending order as [bucket index, count]: what a client needs to subtract two reads. */
  nonEmptyBuckets(): [number, number][] {
    const buckets: [number, number][] = [];
    for (let i = 0; i < LATENCY_BUCKET_COUNT; i += 1) {
      const count = this.counts[i] as number;
      if (count > 0) buckets.push([i, count]);
    }
    return buckets;
  }

  /** Adds another histogram's observations to this one (exact: same bucket layout). */
  merge(other: LatencyHistogram): void {
    if (other.count === 0) return;
    for (let i = 0; i < LATENCY_BUCKET_COUNT; i += 1) this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    this.count += other.count;
    this.sumMs += other.sumMs;
    if (other.minMicros < this.minMicros) this.minMicros = other.minMicros;
    if (other.maxMicros > this.maxMicros) this.maxMicros = other.maxMicros;
  }
}
