/** One deadline: an entry in its duration's list, in the order deadlines were set. */
export class Deadline {
  prev: Deadline | undefined = undefined;
  next: Deadline | undefined = undefined;
  /** Undefined once it fired or was cleared. */
  list: DeadlineList | undefined;

  constructor(
    list: DeadlineList,
    /** Monotonic milliseconds it falls due at. */
    readonly at: number,
    readonly onExpired: (owner: never) => void,
    readonly owner: unknown,
  ) {
    this.list = list;
  }
}

/** The clock and the one timer a list needs; tests pass their own. */
export interface DeadlineClock {
  now(): number;
  /** Calls `fire` once, `ms` from now; the handle cancels it. Must not keep the process alive. */
  schedule(fire: () => void, ms: number): { cancel(): void };
}

const REAL_CLOCK: DeadlineClock = {
  now: () => performance.now(),
  schedule(fire, ms) {
    const timer = setTimeout(fire, ms).unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * Deadlines of one duration. Set in time order, they fall due in list order, so the list
 * needs one timer, for its head: setting or clearing a deadline is a few pointer writes,
 * where a Node timer each would allocate a Timeout and touch its timer list twice per
 * request. The timer is re-armed lazily: a head cleared before it falls due costs nothing
 * until the timer fires and finds the new head.
 */
class DeadlineList {
  private head: Deadline | undefined;
  private tail: Deadline | undefined;
  private timer: { cancel(): void } | undefined;

  constructor(
    readonly durationMs: number,
    private readonly clock: DeadlineClock,
    private readonly onEmptied: (list: DeadlineList) => void,
  ) {}

  get empty(): boolean {
    return this.head === undefined;
  }

  add<T>(onExpired: (owner: T) => void, owner: T): Deadline {
    const deadline = new Deadline(this, this.clock.now() + this.durationMs, onExpired as (owner: never) => void, owner);
    if (this.tail === undefined) this.head = deadline;
    else {
      this.tail.next = deadline;
      deadline.prev = this.tail;
    }
    this.tail = deadline;
    this.timer ??= this.clock.schedule(this.fire, this.durationMs);
    return deadline;
  }

  remove(deadline: Deadline): void {
    if (deadline.prev === undefined) this.head = deadline.next;
    else deadline.prev.next = deadline.next;
    if (deadline.next === undefined) this.tail = deadline.prev;
    else deadline.next.prev = deadline.prev;
    deadline.prev = undefined;
    deadline.next = undefined;
    deadline.list = undefined;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    // A timer may fire a fraction of a millisecond early on this clock: that fraction counts as due.
    const now = this.clock.now() + 1;
    // Re-read the head each time: an expiry may clear or set other deadlines.
    for (let due = this.head; due !== undefined && due.at <= now; due = this.head) {
      this.remove(due);
      (due.onExpired as (owner: unknown) => void)(due.owner);
    }
    if (this.head === undefined) this.onEmptied(this);
    else this.timer ??= this.clock.schedule(this.fire, Math.max(1, Math.ceil(this.head.at - this.clock.now())));
  };
}

/**
 * Deadlines keyed by duration, as Node keeps its timers: a proxy has few distinct timeouts
 * (one per route, per-try and mirror setting), each with many requests in flight. A list
 * found empty when its timer fires is dropped, so durations of configs reloaded away go too.
 */
export class Deadlines {
  private readonly lists = new Map<number, DeadlineList>();

  constructor(private readonly clock: DeadlineClock = REAL_CLOCK) {}

  /** Calls `onExpired(owner)` `ms` from now unless cleared first (a module-level function and its owner: no closure per request). */
  set<T>(ms: number, onExpired: (owner: T) => void, owner: T): Deadline {
    let list = this.lists.get(ms);
    if (list === undefined) {
      list = new DeadlineList(ms, this.clock, this.dropIfEmpty);
      this.lists.set(ms, list);
    }
    return list.add(onExpired, owner);
  }

  /** Clears a deadline that has not fired; a fired or cleared one is left alone. */
  clear(deadline: Deadline | undefined): void {
    deadline?.list?.remove(deadline);
  }

  /** Durations with a list (for tests: lists do not outlive their deadlines for long). */
  get durations(): number[] {
    return [...this.lists.keys()];
  }

  private readonly dropIfEmpty = (list: DeadlineList): void => {
    if (list.empty && this.lists.get(list.durationMs) === list) this.lists.delete(list.durationMs);
  };
}

/** The process's deadlines (live exchanges, per-try timeouts, mirror copies). */
export const DEADLINES = new Deadlines();
