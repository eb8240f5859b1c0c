/** Distinct strings a pool keeps at most: beyond it, new values are stored as they come. */
export const DEFAULT_STRING_POOL_SIZE = 10_000;

/**
 * Request rows repeat a handful of values (operation names, result codes, roles, version
 * tags) hundreds of thousands of times, each parsed into a string of its own: one shared
 * copy each keeps the rows small (they stay in memory for the queries, for every retained
 * segment). Bounded, so values that never repeat (a name built from raw URLs) cannot grow it
 * without limit.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly maxSize: number = DEFAULT_STRING_POOL_SIZE) {}

  get size(): number {
    return this.strings.size;
  }

  intern<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    if (this.strings.size < this.maxSize) this.strings.set(value, value);
    return value;
  }
}
