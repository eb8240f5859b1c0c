import { type RequestsSummaryRow } from '@mirrormesh/catalog';
import { type RequestRow } from '../ingest/stored-item';

export interface SummaryFilter {
  /** Keep items whose VersionTag contains this text (case-insensitive, as Kusto's `contains`). */
  readonly contains?: string | undefined;
  /** Epoch ms: keep items that started at or after it. */
  readonly since?: number | undefined;
  /** Epoch ms: keep items that started before it. */
  readonly until?: number | undefined;
}

/** One row of the lab query, with the percentiles as extra columns (the shared DTO). */
export type SummaryRow = RequestsSummaryRow;

/**
 * The Log Analytics query of the lab over stored request items:
 * `where customDimensions["VersionTag"] contains <contains> | summarize duration = avg(duration),
 * requestCount = count() by name, podVersion, resultCode | sort by name, podVersion`
 * (ascending here, then by resultCode, so the output is stable).
 */
export function summarizeRequests(rows: Iterable<RequestRow>, filter: SummaryFilter = {}): SummaryRow[] {
  const needle = filter.contains?.toLowerCase();
  const groups = new Map<string, { name: string; podVersion: string; resultCode: string; durations: number[] }>();
  for (const row of rows) {
    if (filter.since !== undefined && row.time < filter.since) continue;
    if (filter.until !== undefined && row.time >= filter.until) continue;
    const podVersion = row.versionTag;
    if (needle !== undefined && needle !== '' && (podVersion === undefined || !podVersion.toLowerCase().includes(needle))) continue;
    const key = JSON.stringify([row.name, podVersion ?? '', row.resultCode]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { name: row.name, podVersion: podVersion ?? '', resultCode: row.resultCode, durations: [] };
      groups.set(key, group);
    }
    group.durations.push(row.durationMs);
  }
  const out: SummaryRow[] = [];
  for (const group of groups.values()) {
    const sorted = group.durations.sort((a, b) => a - b);
    const total = sorted.reduce((sum, value) => sum + value, 0);
    out.push({
      name: group.name,
      podVersion: group.podVersion,
      resultCode: group.resultCode,
      duration: total / sorted.length,
      requestCount: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    });
  }
  return out.sort((a, b) => compare(a.name, b.name) || compare(a.podVersion, b.podVersion) || compare(a.resultCode, b.resultCode));
}

/** Nearest-rank percentile of ascending values (non-empty). */
export function percentile(ascending: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * ascending.length));
  return ascending[Math.min(rank, ascending.length) - 1] ?? Number.NaN;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
