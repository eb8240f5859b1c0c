const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Longest relative window accepted (`since=30d`), so a typo cannot mean "forever ago". */
export const MAX_WINDOW_MS = 366 * UNIT_MS['d']!;

/**
 * One end of a time window as a user gives it: relative to the moment the query runs (`15m` is
 * `ago(15m)`, so the collector's clock decides, not the caller's), or an instant.
 */
export type TimeBound = { readonly ago: string } | { readonly at: number };

/**
 * `15m`, `2h`, `7d`, `30s` or an ISO 8601 date-time → a bound; the rule in words when it is neither.
 */
export function parseTimeBound(value: string): TimeBound | string {
  const relative = /^(\d{1,9})([smhd])$/.exec(value.trim());
  if (relative !== null) {
    const ms = Number(relative[1]) * (UNIT_MS[relative[2] ?? ''] ?? Number.NaN);
    if (!(ms <= MAX_WINDOW_MS)) return `must be at most ${MAX_WINDOW_MS / UNIT_MS['d']!} days`;
    return { ago: `${relative[1]}${relative[2]}` };
  }
  const absolute = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(absolute)) return { at: absolute };
  return 'must be a duration like 15m, 2h, 7d or an ISO 8601 date-time';
}

/** The bound as a KQL datetime expression: `ago(15m)` or `datetime(2026-11-21T11:00:00.000Z)`. */
export function timeBoundKql(bound: TimeBound): string {
  return 'ago' in bound ? `ago(${bound.ago})` : `datetime(${new Date(bound.at).toISOString()})`;
}
