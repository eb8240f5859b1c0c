import type { JsonValue } from './telemetry-schemas';

export type Direction = 'asc' | 'desc';
export interface SortKey<T> {
  readonly by: (row: T) => JsonValue | undefined;
  /** Kusto's default is desc. */
  readonly direction?: Direction;
  /** Kusto's default: nulls first when asc, last when desc. */
  readonly nulls?: 'first' | 'last';
}

/**
 * Kusto's `sort by` / `order by` / `top`: keys left to right, default desc, nulls first when asc and last
 * when desc unless told. Strings compare ordinally (the corpus's strings sort the same in any culture);
 * false sorts before true.
 */
export function sortRows<T>(rows: readonly T[], keys: readonly SortKey<T>[]): T[] {
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareKey(key.by(a), key.by(b), key.direction ?? 'desc', key.nulls);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function compareKey(a: JsonValue | undefined, b: JsonValue | undefined, direction: Direction, nulls?: 'first' | 'last'): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    const nullsFirst = (nulls ?? (direction === 'asc' ? 'first' : 'last')) === 'first';
    return aNull === nullsFirst ? -1 : 1;
  }
  const order = a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? order : -order;
}

/** Shorthands for sort keys. */
export const asc = <T>(by: (row: T) => JsonValue | undefined, nulls?: 'first' | 'last'): SortKey<T> =>
  nulls === undefined ? { by, direction: 'asc' } : { by, direction: 'asc', nulls };
export const desc = <T>(by: (row: T) => JsonValue | undefined, nulls?: 'first' | 'last'): SortKey<T> =>
  nulls === undefined ? { by, direction: 'desc' } : { by, direction: 'desc', nulls };
