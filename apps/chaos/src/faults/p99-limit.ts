/**
 * The absolute floor under the fault run's p99 limit. A calm loopback p99 is a few ms, so 2× of it
 * is a limit a single scheduler slice or GC pause breaks when four processes (client, sidecar,
 * live, mirror) share two cores: such stalls are 10–20 ms here. 30 ms stays far below every way a
 * mirror fault could reach users (waiting for a hung mirror costs the 3 s mirror timeout, a
 * trickling one 25 ms per byte, a dead one the 5 s connect timeout), so it hides no real regression.
 */
export const P99_FLOOR_MS = 30;
export const P99_RATIO = 2;

/** The fault run's p99 may be at most 2× the calm run's, or the floor when that is larger. */
export function p99Limit(calmP99Ms: number, extraMs = 0): number {
  return Math.max(P99_RATIO * calmP99Ms, P99_FLOOR_MS) + extraMs;
}
