/**
 * Date.prototype.toISOString for epoch milliseconds, remembering the last one: a busy
 * proxy writes many lines within the same millisecond, and each would otherwise build a
 * Date and format it again.
 */
export class IsoTimeCache {
  private lastMs = Number.NaN;
  private lastIso = '';

  format(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastIso = new Date(ms).toISOString();
      this.lastMs = ms;
    }
    return this.lastIso;
  }
}
