const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Longest relative window accepted (`since=30d`), so a typo cannot mean "forever ago". */
export const MAX_WINDOW_MS = 366 * UNIT_MS['d']!;

/**
 * `15m`, `2h`, `7d`, `30s` (relative to `now`) or an ISO 8601 date-time → epoch ms;
 * the rule in words when it is neither.
 */
export function parseSince(value: string, now: number): number | string {
  const relative = /^(\d{1,9})([smhd])$/.exec(value.trim());
  if (relative !== null) {
    const ms = Number(relative[1]) * (UNIT_MS[relative[2] ?? ''] ?? Number.NaN);
    if (!(ms <= MAX_WINDOW_MS)) return `must be at most ${MAX_WINDOW_MS / UNIT_MS['d']!} days`;
    return now - ms;
  }
  const absolute = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(absolute)) return absolute;
  return 'must be a duration like 15m, 2h, 7d or an ISO 8601 date-time';
}
