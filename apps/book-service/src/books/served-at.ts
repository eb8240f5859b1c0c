/**
 * `servedAt` with microseconds (`2026-12-01T04:30:00.123456Z`, ISO 8601 / RFC 3339 allow any
 * number of fractional digits). Milliseconds are not enough for "differs on every call": two
 * fast instances answering one mirrored request often stamp the same millisecond (a quarter of
 * the pairs in the lab), which made the noise instance agree with live more often than a slow
 * mirror did and turned `servedAt` into a false regression.
 */
export function formatServedAt(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.min(999, Math.floor((epochMs - whole) * 1000));
  return `${new Date(whole).toISOString().slice(0, -1)}${String(micros).padStart(3, '0')}Z`;
}

/** The wall clock in ms since the epoch, to the microsecond where the platform has it. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
