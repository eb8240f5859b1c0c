import { MIRROR_BREAKER_COOLDOWN_MS, MIRROR_BREAKER_FAILURES, MirrorBreaker } from './mirror-breaker';

/** A clock that moves only when the test says so: the cooldown does not depend on how busy the machine is. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let nowMs = 0;
  return { now: () => nowMs, advance: (ms) => (nowMs += ms) };
}

function failTimes(breaker: MirrorBreaker, cluster: string, times: number): void {
  for (let i = 0; i < times; i += 1) breaker.record(cluster, true);
}

describe('MirrorBreaker', () => {
  it('stays closed until the consecutive connection failures reach the threshold', () => {
    const breaker = new MirrorBreaker(fakeClock().now);
    failTimes(breaker, 'mirror', MIRROR_BREAKER_FAILURES - 1);
    expect(breaker.isOpen('mirror')).toBe(false);
    breaker.record('mirror', true);
    expect(breaker.isOpen('mirror')).toBe(true);
  });

  it('counts only consecutive failures: a success starts the count again', () => {
    const breaker = new MirrorBreaker(fakeClock().now);
    failTimes(breaker, 'mirror', MIRROR_BREAKER_FAILURES - 1);
    breaker.record('mirror', false);
    failTimes(breaker, 'mirror', MIRROR_BREAKER_FAILURES - 1);
    expect(breaker.isOpen('mirror')).toBe(false);
  });

  it('skips the cluster for the whole cooldown, then lets exactly one copy probe', () => {
    const clock = fakeClock();
    const breaker = new MirrorBreaker(clock.now);
    failTimes(breaker, 'mirror', MIRROR_BREAKER_FAILURES);
    clock.advance(MIRROR_BREAKER_COOLDOWN_MS - 1);
    expect(breaker.isOpen('mirror')).toBe(true);
    clock.advance(1);
    expect(breaker.isOpen('mirror')).toBe(false);
    // The probe is in flight: every other copy is still skipped until it reports.
    expect(breaker.isOpen('mirror')).toBe(true);
    clock.advance(MIRROR_BREAKER_COOLDOWN_MS - 1);
    expect(breaker.isOpen('mirror')).toBe(true);
  });

  it('closes when the probe connects, and skips another cooldown when it fails', () => {
    const clock = fakeClock();
    const breaker = new MirrorBreaker(clock.now);
    failTimes(breaker, 'recovers', MIRROR_BREAKER_FAILURES);
    failTimes(breaker, 'still-dead', MIRROR_BREAKER_FAILURES);
    clock.advance(MIRROR_BREAKER_COOLDOWN_MS);
    expect(breaker.isOpen('recovers')).toBe(false);
    expect(breaker.isOpen('still-dead')).toBe(false);

    breaker.record('recovers', false);
    breaker.record('still-dead', true);
    expect(breaker.isOpen('recovers')).toBe(false);
    expect(breaker.isOpen('still-dead')).toBe(true);
    clock.advance(MIRROR_BREAKER_COOLDOWN_MS);
    expect(breaker.isOpen('still-dead')).toBe(false);
  });

  it('keeps each cluster to itself', () => {
    const breaker = new MirrorBreaker(fakeClock().now);
    failTimes(breaker, 'dead', MIRROR_BREAKER_FAILURES);
    expect(breaker.isOpen('dead')).toBe(true);
    expect(breaker.isOpen('alive')).toBe(false);
  });
});
