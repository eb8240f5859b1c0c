/**
 * A proxy-wide budget of bytes held in memory (request bodies read ahead, mirror copies
 * waiting to be sent). One counter, checked before bytes are taken on: a holder that cannot
 * take more falls back (streams, or drops its copy) instead of growing without bound.
 */
export class ByteBudget {
  private held = 0;

  /** Settable: a reload may change it; what is held stays held and is given back as usual. */
  constructor(public maxBytes: number) {}

  /** Takes `bytes` unless that would pass the budget. */
  tryTake(bytes: number): boolean {
    if (this.held + bytes > this.maxBytes) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
  }

  get heldBytes(): number {
    return this.held;
  }
}
