/** "000" to "999": the milliseconds of an ISO time. */
const MILLIS = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, '0'));

/**
 * Date.prototype.toISOString for epoch milliseconds, remembering the second it last
 * formatted: a busy proxy writes thousands of lines within one second, and each would
 * otherwise build a Date and format it again. Within the second only the milliseconds change.
 */
export class IsoTimeCache {
  /** The epoch second of `prefix`, NaN before the first time. */
  private second = Number.NaN;
  /** `2026-12-01T04:50:12.` */
  private prefix = '';

  format(epochMs: number): string {
    // As the Date constructor reads it: whole milliseconds, truncated toward zero.
    const ms = Math.trunc(epochMs);
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      const iso = new Date(second * 1000).toISOString();
      // Years beyond 9999 or before 0 have a longer form: format those whole, uncached.
      if (iso.length !== 24) return new Date(ms).toISOString();
      this.prefix = iso.slice(0, 20);
      this.second = second;
    }
    return `${this.prefix}${MILLIS[ms - second * 1000] as string}Z`;
  }
}
