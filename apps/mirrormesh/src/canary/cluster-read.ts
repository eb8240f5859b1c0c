/**
 * What one read of the sidecar's `GET /stats?histograms=1` says about one cluster in one
 * role (live or mirror): cumulative answers by code and the sparse latency histogram
 * ([bucket midpoint ms, count], ascending). Two reads make one interval.
 */
export interface ClusterRead {
  readonly byCode: ReadonlyMap<string, number>;
  readonly buckets: ReadonlyMap<number, number>;
}

export type Role = 'live' | 'mirror';

const EMPTY: ClusterRead = { byCode: new Map(), buckets: new Map() };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Picks one cluster out of a /stats answer. A cluster that has seen no traffic yet is absent
 * from the stats: it reads as empty. Undefined when the answer has no histograms (a proxy
 * older than `?histograms=1`).
 */
export function clusterRead(stats: unknown, role: Role, cluster: string): ClusterRead | undefined {
  if (!isObject(stats) || !isObject(stats.histograms)) return undefined;
  const roleStats = stats[role];
  const histograms = stats.histograms[role];
  if (!isObject(roleStats) || !isObject(histograms)) return undefined;
  const clusters = Array.isArray(roleStats.clusters) ? (roleStats.clusters as unknown[]) : [];
  const entry = clusters.find((c): c is Record<string, unknown> => isObject(c) && c.cluster === cluster);
  const histogram = histograms[cluster];
  if (entry === undefined && histogram === undefined) return EMPTY;
  const byCode = new Map<string, number>();
  for (const item of Array.isArray(entry?.byCode) ? (entry.byCode as unknown[]) : []) {
    if (isObject(item) && typeof item.code === 'string' && typeof item.count === 'number') byCode.set(item.code, item.count);
  }
  const buckets = new Map<number, number>();
  for (const pair of isObject(histogram) && Array.isArray(histogram.buckets) ? (histogram.buckets as unknown[]) : []) {
    if (Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number') buckets.set(pair[0], pair[1]);
  }
  return { byCode, buckets };
}
