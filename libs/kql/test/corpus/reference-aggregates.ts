import type { JsonValue } from './telemetry-schemas';

/** Groups rows by a key tuple (compared by value), in first-seen order; returns [key, rows] pairs. */
export function groupBy<T, K extends readonly JsonValue[]>(rows: readonly T[], key: (row: T) => K): [K, T[]][] {
  const groups = new Map<string, [K, T[]]>();
  for (const row of rows) {
    const k = key(row);
    const id = JSON.stringify(k);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [k, [row]]);
    else group[1].push(row);
  }
  return [...groups.values()];
}

const present = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);

/** `avg`: nulls ignored; null when nothing is left. */
export function avg(values: readonly (number | null)[]): number | null {
  const xs = present(values);
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** `sum`: nulls ignored. */
export function sum(values: readonly (number | null)[]): number | null {
  const xs = present(values);
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0);
}

export function min(values: readonly (number | null)[]): number | null {
  const xs = present(values);
  return xs.length === 0 ? null : Math.min(...xs);
}

export function max(values: readonly (number | null)[]): number | null {
  const xs = present(values);
  return xs.length === 0 ? null : Math.max(...xs);
}

export const countif = <T>(rows: readonly T[], predicate: (row: T) => boolean): number => rows.filter(predicate).length;

/** `dcount`, exact here (Kusto estimates). */
export const dcount = (values: readonly JsonValue[]): number => new Set(values.map((v) => JSON.stringify(v))).size;

/**
 * `percentile(x, p)`, nearest rank (Kusto estimates): the smallest value with at least p % of the
 * non-null values at or below it, i.e. ascending[ceil(p/100 × n) - 1], and the minimum for p = 0.
 */
export function percentile(values: readonly (number | null)[], p: number): number | null {
  const ascending = present(values).sort((a, b) => a - b);
  if (ascending.length === 0) return null;
  const rank = Math.min(Math.max(1, Math.ceil((p / 100) * ascending.length)), ascending.length);
  return ascending[rank - 1] ?? null;
}

/** `make_set`: distinct non-null values (Kusto does not define their order: the corpus compares them as sets). */
export function makeSet(values: readonly JsonValue[]): JsonValue[] {
  const seen = new Map<string, JsonValue>();
  for (const v of values) if (v !== null) seen.set(JSON.stringify(v), v);
  return [...seen.values()];
}
