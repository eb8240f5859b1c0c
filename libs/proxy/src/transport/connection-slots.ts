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
  private head = 0;

  /** `capacity`: requests the endpoint carries at once (connections × pipelining 1). */
  constructor(readonly capacity: number) {}

  /** Starts the waiter at once when a connection is free and nobody waits, else queues it. */
  acquire(waiter: SlotWaiter): void {
    if (this.active < this.capacity && this.head === this.waiters.length) {
      this.active += 1;
      waiter.onSlot();
      return;
    }
    this.waiters.push(waiter);
    this.startWaiting();
  }

  /** A started request ended: the next waiters still in time take its place. */
  release(): void {
    this.active = Math.max(0, this.active - 1);
    this.startWaiting();
  }

  /** Requests waiting for a connection (ended ones not yet skipped included). */
  get waiting(): number {
    return this.waiters.length - this.head;
  }

  get inUse(): number {
    return this.active;
  }

  private startWaiting(): void {
    while (this.active < this.capacity && this.head < this.waiters.length) {
      const waiter = this.waiters[this.head] as SlotWaiter;
      this.waiters[this.head] = undefined;
      this.head += 1;
      if (waiter.ended) continue;
      this.active += 1;
      waiter.onSlot();
    }
    if (this.head === this.waiters.length) {
      this.waiters.length = 0;
      this.head = 0;
    } else if (this.head >= COMPACT_AFTER && this.head * 2 >= this.waiters.length) {
      this.waiters = this.waiters.slice(this.head);
      this.head = 0;
    }
  }
}
