/**
 * Nearest-rank percentile over values sorted ascending: the smallest value with at least `percent`%
 * of the values at or below it. Kusto estimates percentiles (T-Digest); on small samples the two
 * can differ, which the README documents.
 */
export function percentileNearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((Math.min(Math.max(percent, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}
