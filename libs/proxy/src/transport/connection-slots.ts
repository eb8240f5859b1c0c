/** A request waiting for one of an endpoint's connections. */
export interface SlotWaiter {
  /** Ended while waiting (its deadline passed, its client left): skipped, never started. */
  readonly ended: boolean;
  /** A connection is free for it: dispatch now. */
  onSlot(): void;
}

/** Compact the waiting list once this many slots before its head are spent. */
const COMPACT_AFTER = 1024;

/**
 * Requests to one endpoint wait here, not in undici's pool queue, for a free connection.
 * undici's queue offers no way to take a request back: a request past its deadline could
 * only be aborted once it had a connection, and aborting then destroys that connection.
 * Here a waiter that ends (deadline, client gone) is simply skipped, so every deadline is
 * enforced while it waits and no socket is touched. One per pool: live and mirror traffic
 * that share an endpoint share its connections.
 */
export class ConnectionSlots {
  private active = 0;
  private waiters: (SlotWaiter | undefined)[] = [];
  /** Beside each waiter: does it count toward the pending limit (live requests do, mirror copies do not)? */
  private limited: boolean[] = [];
  /** Waiters that count toward the pending limit (ended ones not yet skipped included). */
  private limitedWaiting = 0;
  private head = 0;

  /** `capacity`: requests the endpoint carries at once (connections × pipelining 1). */
  constructor(readonly capacity: number) {}

  /** Starts the waiter at once when a connection is free and nobody waits, else queues it (no limit: mirror copies have their own). */
  acquire(waiter: SlotWaiter): void {
    if (this.active < this.capacity && this.head === this.waiters.length) {
      this.active += 1;
      waiter.onSlot();
      return;
    }
    this.waiters.push(waiter);
    this.limited.push(false);
    this.startWaiting();
  }

  /**
   * As acquire, for a request bound by the pending limit (Envoy's max_pending_requests):
   * false, and nothing queued, when `maxPending` such requests wait already. Waiters that
   * do not count (mirror copies) are never refused here and never make this one refused.
   */
  tryAcquire(waiter: SlotWaiter, maxPending: number): boolean {
    if (this.limitedWaiting >= maxPending && this.dropEnded() >= maxPending) return false;
    if (this.active < this.capacity && this.head === this.waiters.length) {
      this.active += 1;
      waiter.onSlot();
      return true;
    }
    this.waiters.push(waiter);
    this.limited.push(true);
    this.limitedWaiting += 1;
    this.startWaiting();
    return true;
  }

  /** A started request ended: the next waiters still in time take its place. */
  release(): void {
    this.active = Math.max(0, this.active - 1);
    this.startWaiting();
  }

  /** Requests waiting for a connection (ended ones not yet skipped included), mirror copies included. */
  get waiting(): number {
    return this.waiters.length - this.head;
  }

  get inUse(): number {
    return this.active;
  }

  private startWaiting(): void {
    while (this.active < this.capacity && this.head < this.waiters.length) {
      const waiter = this.waiters[this.head] as SlotWaiter;
      if (this.limited[this.head] === true) this.limitedWaiting -= 1;
      this.waiters[this.head] = undefined;
      this.head += 1;
      if (waiter.ended) continue;
      this.active += 1;
      waiter.onSlot();
    }
    if (this.head === this.waiters.length) {
      this.waiters.length = 0;
      this.limited.length = 0;
      this.head = 0;
    } else if (this.head >= COMPACT_AFTER && this.head * 2 >= this.waiters.length) {
      this.waiters = this.waiters.slice(this.head);
      this.limited = this.limited.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * At the pending limit: waiters that ended (deadline, client gone) still hold places until
   * a connection frees up and skips them. Only here, at the limit, are they taken out, so a
   * request is refused only for requests that really wait. Returns the limited waiters left.
   */
  private dropEnded(): number {
    // In place, without allocating: at most the limit plus the copies in flight, a few µs.
    let kept = 0;
    let count = 0;
    for (let i = this.head; i < this.waiters.length; i += 1) {
      const waiter = this.waiters[i] as SlotWaiter;
      if (waiter.ended) continue;
      const isLimited = this.limited[i] === true;
      this.waiters[kept] = waiter;
      this.limited[kept] = isLimited;
      kept += 1;
      if (isLimited) count += 1;
    }
    this.waiters.length = kept;
    this.limited.length = kept;
    this.head = 0;
    this.limitedWaiting = count;
    return count;
  }
}
