import type { CorpusCase } from './corpus-case';
import { versionTag } from './expected-shapes';
import { avg, groupBy, percentile } from './reference-aggregates';
import { asc, desc, sortRows } from './reference-order';
import { contains, dyn, gt } from './reference-scalars';
import { primaryResult } from './result-format';
import { MINUTE, NOW } from './telemetry-set';
import type { RequestRow, TelemetrySet } from './telemetry-schemas';

/** The lab's summary: average duration and count per route, pod version and status, for tagged requests. */
function labSummary(rows: readonly RequestRow[]) {
  return groupBy(
    rows.filter((r) => contains(versionTag(r), 'MIR-')),
    (r) => [r.name, versionTag(r), r.resultCode] as const,
  ).map(([[name, podVersion, resultCode], group]) => ({
    name,
    podVersion,
    resultCode,
    duration: avg(group.map((r) => r.duration)),
    requestCount: group.length,
    durations: group.map((r) => r.duration),
  }));
}

const labColumns = [
  ['name', 'string'],
  ['podVersion', 'string'],
  ['resultCode', 'string'],
  ['duration', 'real'],
  ['requestCount', 'long'],
] as const;

function labExpected(set: TelemetrySet) {
  const rows = sortRows(labSummary(set.requests), [desc((r) => r.name), desc((r) => r.podVersion)]);
  return primaryResult(
    labColumns,
    rows.map((r) => [r.name, r.podVersion, r.resultCode, r.duration, r.requestCount]),
  );
}

export const labCases: readonly CorpusCase[] = [
  {
    name: "the lab's query, verbatim (odd spacing, trailing blank, default desc sort)",
    query: `requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`,
    expected: labExpected,
    ordered: true,
    sortKeys: ['name', 'podVersion'],
  },
  {
    name: "LogAnalyticsQuery.md: the lab's query",
    query: `requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode
| sort by name, podVersion`,
    expected: labExpected,
    ordered: true,
    sortKeys: ['name', 'podVersion'],
  },
  {
    name: 'LogAnalyticsQuery.md: the local report over the last 15 minutes, with percentiles',
    query: `requests
| where timestamp > ago(15m)
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count(),
            p50 = percentile(duration, 50), p95 = percentile(duration, 95), p99 = percentile(duration, 99)
  by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode
| sort by name asc, podVersion asc, resultCode asc`,
    expected: (set) => {
      const recent = set.requests.filter((r) => gt(r.timestamp, NOW - 15 * MINUTE));
      const rows = sortRows(labSummary(recent), [asc((r) => r.name), asc((r) => r.podVersion), asc((r) => r.resultCode)]);
      return primaryResult(
        [...labColumns, ['p50', 'real'], ['p95', 'real'], ['p99', 'real']],
        rows.map((r) => [
          r.name,
          r.podVersion,
          r.resultCode,
          r.duration,
          r.requestCount,
          percentile(r.durations, 50),
          percentile(r.durations, 95),
          percentile(r.durations, 99),
        ]),
      );
    },
    ordered: true,
  },
  {
    name: 'LogAnalyticsQuery.md: mirror exchanges reported by the sidecar',
    query: `dependencies
| where customDimensions["Mirror"] == "true"
| summarize duration = avg(duration), count() by name, target, resultCode
| sort by name asc, target asc`,
    expected: (set) => {
      const mirrored = set.dependencies.filter((d) => dyn(d.customDimensions, 'Mirror') === 'true');
      const groups = groupBy(mirrored, (d) => [d.name, d.target, d.resultCode] as const).map(([key, group]) => ({
        key,
        duration: avg(group.map((d) => d.duration)),
        count: group.length,
      }));
      const rows = sortRows(groups, [asc((g) => g.key[0]), asc((g) => g.key[1])]);
      return primaryResult(
        [
          ['name', 'string'],
          ['target', 'string'],
          ['resultCode', 'string'],
          ['duration', 'real'],
          ['count_', 'long'],
        ],
        rows.map((g) => [...g.key, g.duration, g.count]),
      );
    },
    ordered: true,
    sortKeys: ['name', 'target'],
  },
];
