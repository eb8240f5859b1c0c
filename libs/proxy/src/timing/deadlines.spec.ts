import { Deadlines, type Deadline, type DeadlineClock } from './deadlines';

/** A clock whose time moves only when told, firing the timers that fall due. */
class ManualClock implements DeadlineClock {
  private time = 0;
  private timers: { at: number; fire: () => void; live: boolean }[] = [];
  scheduled = 0;

  now(): number {
    return this.time;
  }

  schedule(fire: () => void, ms: number): { cancel(): void } {
    const timer = { at: this.time + ms, fire, live: true };
    this.timers.push(timer);
    this.scheduled += 1;
    return { cancel: () => (timer.live = false) };
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.time = next.at;
      next.live = false;
      next.fire();
    }
    this.time = end;
  }
}

describe('Deadlines', () => {
  it('fires each deadline once, when it falls due, in the order set', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    const fired: string[] = [];
    const record = (name: string) => fired.push(`${name}@${clock.now()}`);
    deadlines.set(100, record, 'a');
    clock.advance(30);
    deadlines.set(100, record, 'b');
    deadlines.set(50, record, 'c');
    clock.advance(69);
    expect(fired).toEqual(['c@80']);
    clock.advance(1);
    expect(fired).toEqual(['c@80', 'a@100']);
    clock.advance(1000);
    expect(fired).toEqual(['c@80', 'a@100', 'b@130']);
  });

  it('never fires a cleared deadline, whether it was the head or not', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    const fired: string[] = [];
    const a = deadlines.set(100, (name: string) => fired.push(name), 'a');
    clock.advance(10);
    deadlines.set(100, (name: string) => fired.push(name), 'b');
    clock.advance(10);
    const c = deadlines.set(100, (name: string) => fired.push(name), 'c');
    deadlines.clear(a);
    deadlines.clear(c);
    deadlines.clear(c); // twice is harmless
    clock.advance(500);
    expect(fired).toEqual(['b']);
  });

  it('keeps one timer per duration however many deadlines it holds', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    for (let i = 0; i < 1000; i += 1) deadlines.clear(deadlines.set(15_000, () => undefined, i));
    expect(clock.scheduled).toBe(1);
  });

  it('re-arms for the new head when the old one was cleared before its time', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    const fired: number[] = [];
    const first = deadlines.set(100, (at: number) => fired.push(at), 0);
    clock.advance(40);
    deadlines.set(100, () => fired.push(clock.now()), 0);
    deadlines.clear(first);
    clock.advance(60); // the timer armed for the first fires, finds the second not yet due
    expect(fired).toEqual([]);
    clock.advance(40);
    expect(fired).toEqual([140]);
  });

  it('lets an expiry clear a deadline due in the same sweep, and set a new one', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    const fired: string[] = [];
    const later: { b?: Deadline } = {};
    deadlines.set(
      100,
      () => {
        fired.push('a');
        deadlines.clear(later.b);
        deadlines.set(100, (name: string) => fired.push(name), 'c');
      },
      undefined,
    );
    later.b = deadlines.set(100, (name: string) => fired.push(name), 'b');
    clock.advance(100);
    expect(fired).toEqual(['a']);
    clock.advance(100);
    expect(fired).toEqual(['a', 'c']);
  });

  it('drops a duration whose deadlines are all gone when its timer fires', () => {
    const clock = new ManualClock();
    const deadlines = new Deadlines(clock);
    deadlines.clear(deadlines.set(250, () => undefined, 0));
    deadlines.set(1000, () => undefined, 0);
    expect(deadlines.durations.sort()).toEqual([1000, 250]);
    clock.advance(250);
    expect(deadlines.durations).toEqual([1000]);
    clock.advance(750);
    expect(deadlines.durations).toEqual([]);
  });

  it('fires on the real clock, without keeping the process alive', async () => {
    const deadlines = new Deadlines();
    const fired = await new Promise<string>((resolve) => deadlines.set(5, resolve, 'due'));
    expect(fired).toBe('due');
  });
});
