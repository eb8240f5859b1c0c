/** Consecutive connection failures after which a mirror cluster is skipped for a while. */
export const MIRROR_BREAKER_FAILURES = 5;
/** How long an unreachable mirror cluster is skipped before one copy probes it again. */
export const MIRROR_BREAKER_COOLDOWN_MS = 1000;

/** Milliseconds on a monotonic scale; only differences between two readings matter. */
export type Clock = () => number;

interface BreakerState {
  failures: number;
  openUntil: number;
}

/**
 * A dead mirror still costs CPU: every copy is a failed connect. After a few consecutive
 * connection failures the cluster is skipped (copies dropped as `unreachable`) for a
 * cooldown; then a copy goes through as a probe and its outcome decides.
 */
export class MirrorBreaker {
  private readonly states = new Map<string, BreakerState>();

  /** `now` measures the cooldown: monotonic by default, so a wall-clock step cannot lengthen or skip it. */
  constructor(private readonly now: Clock = () => performance.now()) {}

  /** True while the cluster is being skipped. */
  isOpen(cluster: string): boolean {
    const state = this.states.get(cluster);
    if (state === undefined || state.openUntil === 0) return false;
    const now = this.now();
    if (now < state.openUntil) return true;
    // Cooldown over: let this copy probe, and keep skipping the others until it reports.
    state.openUntil = now + MIRROR_BREAKER_COOLDOWN_MS;
    return false;
  }

  record(cluster: string, connectFailure: boolean): void {
    let state = this.states.get(cluster);
    if (!connectFailure) {
      if (state !== undefined) {
        state.failures = 0;
        state.openUntil = 0;
      }
      return;
    }
    if (state === undefined) this.states.set(cluster, (state = { failures: 0, openUntil: 0 }));
    state.failures += 1;
    if (state.failures >= MIRROR_BREAKER_FAILURES) state.openUntil = this.now() + MIRROR_BREAKER_COOLDOWN_MS;
  }
}
