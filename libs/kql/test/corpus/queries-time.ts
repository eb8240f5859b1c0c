import type { CorpusCase } from './corpus-case';
import { count, countBy } from './expected-shapes';
import { groupBy, max, min } from './reference-aggregates';
import { asc, sortRows } from './reference-order';
import { bin } from './reference-scalars';
import { primaryResult } from './result-format';
import { HOUR, MINUTE, NOW } from './telemetry-set';

/** Time windows as users write them: ago(), now(), between, datetime and timespan literals, bins. */
export const timeCases: readonly CorpusCase[] = [
  {
    name: 'ago() window excludes its boundary',
    query: 'requests | where timestamp > ago(15m) | count',
    expected: (set) => count(set.requests.filter((r) => r.timestamp > NOW - 15 * MINUTE).length),
    ordered: false,
  },
  {
    name: 'between datetime literals includes both ends',
    query: `requests
| where timestamp between (datetime(2026-12-01T07:00:00Z) .. datetime(2026-12-01T07:30:00Z))
| summarize count() by cloud_RoleName`,
    expected: (set) =>
      countBy(
        set.requests.filter((r) => r.timestamp >= NOW - HOUR && r.timestamp <= NOW - 30 * MINUTE),
        [['cloud_RoleName', 'string']],
        (r) => [r.cloud_RoleName],
      ),
    ordered: false,
  },
  {
    name: 'now() arithmetic window',
    query: 'requests | where timestamp > now() - 1h and timestamp <= now() - 30m | count',
    expected: (set) => count(set.requests.filter((r) => r.timestamp > NOW - HOUR && r.timestamp <= NOW - 30 * MINUTE).length),
    ordered: false,
  },
  {
    name: 'timespan literals, datetime plus and minus timespans, real times long',
    query: `requests
| where timestamp >= now() - timespan(00:45:00) and timestamp < now() - 100ms
| extend doubled = duration * 2, shifted = timestamp + 2d - 1h
| summarize count(), max(doubled), min(shifted)
| extend window = timespan(1.02:03:04.5)`,
    expected: (set) => {
      const rows = set.requests.filter((r) => r.timestamp >= NOW - 45 * MINUTE && r.timestamp < NOW - 100);
      return primaryResult(
        [
          ['count_', 'long'],
          ['max_doubled', 'real'],
          ['min_shifted', 'datetime'],
          ['window', 'timespan'],
        ],
        [
          [
            rows.length,
            max(rows.map((r) => r.duration * 2)),
            (min(rows.map((r) => r.timestamp)) ?? 0) + 48 * HOUR - HOUR,
            ((24 + 2) * 60 + 3) * MINUTE + 4500,
          ],
        ],
      );
    },
    ordered: false,
  },
  {
    name: 'scalar lets in a time window',
    query: `let window = 30m;
let slow = 500.0;
requests
| where timestamp > ago(window) and duration > slow
| summarize slowCount = count() by name`,
    expected: (set) =>
      primaryResult(
        [
          ['name', 'string'],
          ['slowCount', 'long'],
        ],
        groupBy(
          set.requests.filter((r) => r.timestamp > NOW - 30 * MINUTE && r.duration > 500),
          (r) => [r.name],
        ).map(([k, group]) => [...k, group.length]),
      ),
    ordered: false,
  },
  {
    name: 'count per 5-minute bin over the last hour, rendered as a time chart',
    query: `requests
| where timestamp > ago(1h)
| summarize count() by bin(timestamp, 5m)
| sort by timestamp asc
| render timechart`,
    expected: (set) => {
      const recent = set.requests.filter((r) => r.timestamp > NOW - HOUR);
      const bins = groupBy(recent, (r) => [bin(r.timestamp, 5 * MINUTE)]).map(([[t], g]) => [t, g.length] as const);
      return primaryResult(
        [
          ['timestamp', 'datetime'],
          ['count_', 'long'],
        ],
        sortRows(bins, [asc((b) => b[0])]).map((b) => [...b]),
      );
    },
    ordered: true,
  },
  {
    name: 'floor(timestamp, 1h) by role, sorted ascending',
    query: 'requests | summarize count() by hour = floor(timestamp, 1h), cloud_RoleName | sort by hour asc, cloud_RoleName asc',
    expected: (set) => {
      const groups = groupBy(set.requests, (r) => [bin(r.timestamp, HOUR), r.cloud_RoleName] as const);
      return primaryResult(
        [
          ['hour', 'datetime'],
          ['cloud_RoleName', 'string'],
          ['count_', 'long'],
        ],
        sortRows(groups, [asc(([k]) => k[0]), asc(([k]) => k[1])]).map(([k, g]) => [...k, g.length]),
      );
    },
    ordered: true,
  },
  {
    name: 'datetime difference is a timespan',
    query: `requests
| summarize oldest = min(timestamp), newest = max(timestamp) by cloud_RoleName
| extend spread = newest - oldest`,
    expected: (set) =>
      primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['oldest', 'datetime'],
          ['newest', 'datetime'],
          ['spread', 'timespan'],
        ],
        groupBy(set.requests, (r) => [r.cloud_RoleName]).map(([[role], g]) => {
          const oldest = min(g.map((r) => r.timestamp)) ?? 0;
          const newest = max(g.map((r) => r.timestamp)) ?? 0;
          return [role, oldest, newest, newest - oldest];
        }),
      ),
    ordered: false,
  },
];
