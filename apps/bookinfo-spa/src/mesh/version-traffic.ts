import { type CodeCount, type CollectorRow, type ServingVersion, type VersionTraffic } from './mesh-dashboard.dto';
import { isErrorCode } from './traffic-summary';

const ROLE_ORDER: Readonly<Record<VersionTraffic['role'], number>> = { live: 0, mirror: 1, earlier: 2 };

/**
 * The collector's rows (per operation, version and result code) folded per version, each
 * with the role it has now: the live cluster's version, the mirror's, or `earlier` for a
 * version that answered in the window but no longer serves. Counts, codes and the mean are
 * exact; of the percentiles only the worst operation's p99 can be told per version.
 */
export function versionTraffic(rows: readonly CollectorRow[], serving: readonly ServingVersion[]): VersionTraffic[] {
  const byVersion = new Map<string, CollectorRow[]>();
  for (const row of rows) byVersion.set(row.podVersion, [...(byVersion.get(row.podVersion) ?? []), row]);
  const roleOf = (versionTag: string): VersionTraffic['role'] => {
    const kinds = serving.filter((s) => s.versionTag === versionTag).map((s) => s.kind);
    return kinds.includes('live') ? 'live' : kinds.includes('mirror') ? 'mirror' : 'earlier';
  };
  return [...byVersion]
    .map(([versionTag, versionRows]) => {
      const requests = versionRows.reduce((sum, r) => sum + r.requestCount, 0);
      const codes = new Map<string, number>();
      for (const r of versionRows) codes.set(r.resultCode, (codes.get(r.resultCode) ?? 0) + r.requestCount);
      const codeCounts: CodeCount[] = [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
      const errors = codeCounts.reduce((sum, c) => sum + (isErrorCode(c.code) ? c.count : 0), 0);
      return {
        versionTag,
        role: roleOf(versionTag),
        requests,
        errors,
        errorRate: requests === 0 ? null : errors / requests,
        meanMs: requests === 0 ? null : versionRows.reduce((sum, r) => sum + r.duration * r.requestCount, 0) / requests,
        worstP99Ms: requests === 0 ? null : Math.max(...versionRows.map((r) => r.p99)),
        codes: codeCounts,
      };
    })
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.versionTag.localeCompare(b.versionTag));
}
