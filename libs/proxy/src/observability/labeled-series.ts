/**
 * Series keyed by label values, capped: label values come from config (routes, clusters)
 * and from bounded sets (status codes, error codes), and the cap guards against anything
 * else. Observations for a series past the cap are counted in `overflow` instead.
 */
export const MAX_SERIES_PER_METRIC = 2000;

interface Series<T> {
  readonly labels: readonly string[];
  readonly value: T;
}

/**
 * Looked up on every request, so a known series is found through one Map per label with
 * the values as they come: no key string or label array is built (only for a new series).
 */
export class LabeledSeries<T> {
  /** first label → second label → the series (two labels) or third label → the series (three). */
  private readonly root = new Map<string, Map<string, Series<T> | Map<string, Series<T>>>>();
  private readonly all: Series<T>[] = [];
  overflow = 0;

  constructor(
    readonly labelNames: readonly [string, string] | readonly [string, string, string],
    private readonly create: () => T,
  ) {}

  /** The series for these label values (two or three, as the label names), or undefined (and counted) past the cap. */
  get(first: string, second: string, third?: string): T | undefined {
    let level = this.root.get(first);
    if (level === undefined) {
      if (this.full()) return undefined;
      level = new Map();
      this.root.set(first, level);
    }
    if (this.labelNames.length === 2) {
      const found = level.get(second) as Series<T> | undefined;
      return found !== undefined ? found.value : this.add(level, second, [first, second]);
    }
    let last = level.get(second) as Map<string, Series<T>> | undefined;
    if (last === undefined) {
      if (this.full()) return undefined;
      last = new Map();
      level.set(second, last);
    }
    const key = third ?? '';
    const found = last.get(key);
    return found !== undefined ? found.value : this.add(last, key, [first, second, key]);
  }

  entries(): IterableIterator<Series<T>> {
    return this.all.values();
  }

  /** Past the cap nothing new is made, not even an intermediate Map, and the observation is counted. */
  private full(): boolean {
    if (this.all.length < MAX_SERIES_PER_METRIC) return false;
    this.overflow += 1;
    return true;
  }

  private add(level: Map<string, unknown>, key: string, labels: readonly string[]): T | undefined {
    if (this.full()) return undefined;
    const series = { labels, value: this.create() };
    level.set(key, series);
    this.all.push(series);
    return series.value;
  }
}
