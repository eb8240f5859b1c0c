/**
 * Series keyed by label values, capped: label values come from config (routes, clusters)
 * and from bounded sets (status codes, error codes), and the cap guards against anything
 * else. Observations for a series past the cap are counted in `overflow` instead.
 */
export const MAX_SERIES_PER_METRIC = 2000;

export class LabeledSeries<T> {
  private readonly series = new Map<string, { readonly labels: readonly string[]; readonly value: T }>();
  overflow = 0;

  constructor(
    readonly labelNames: readonly string[],
    private readonly create: () => T,
  ) {}

  /** The series for these label values, or undefined (and counted) past the cap. */
  get(labels: readonly string[]): T | undefined {
    const key = labels.join('\u0000');
    const found = this.series.get(key);
    if (found !== undefined) return found.value;
    if (this.series.size >= MAX_SERIES_PER_METRIC) {
      this.overflow += 1;
      return undefined;
    }
    const value = this.create();
    this.series.set(key, { labels, value });
    return value;
  }

  entries(): IterableIterator<{ readonly labels: readonly string[]; readonly value: T }> {
    return this.series.values();
  }
}
