import type { CorpusCase } from './corpus-case';
import { durations, versionTag } from './expected-shapes';
import { avg, countif, dcount, groupBy, makeSet, max, min, percentile, sum } from './reference-aggregates';
import { desc, sortRows } from './reference-order';
import { bin } from './reference-scalars';
import { primaryResult } from './result-format';

/** summarize: every aggregation, default column names, result types, nulls. */
export const aggregateCases: readonly CorpusCase[] = [
  {
    name: 'percentiles per pod version (nearest rank), default column names',
    query: `requests
| where cloud_RoleName == "bookservice"
| summarize percentiles(duration, 50, 95, 99.9) by podVersion = tostring(customDimensions.VersionTag)`,
    expected: (set) =>
      primaryResult(
        [
          ['podVersion', 'string'],
          ['percentile_duration_50', 'real'],
          ['percentile_duration_95', 'real'],
          ['percentile_duration_99_9', 'real'],
        ],
        groupBy(
          set.requests.filter((r) => r.cloud_RoleName === 'bookservice'),
          (r) => [versionTag(r)],
        ).map(([[tag], g]) => [tag, percentile(durations(g), 50), percentile(durations(g), 95), percentile(durations(g), 99.9)]),
      ),
    ordered: false,
  },
  {
    name: 'sum of itemCount, countif and count() with default names',
    query: 'requests | summarize sum(itemCount), countif(success == false), count() by name',
    expected: (set) =>
      primaryResult(
        [
          ['name', 'string'],
          ['sum_itemCount', 'long'],
          ['countif_', 'long'],
          ['count_', 'long'],
        ],
        groupBy(set.requests, (r) => [r.name]).map(([[name], g]) => [
          name,
          sum(g.map((r) => r.itemCount)),
          countif(g, (r) => r.success === false),
          g.length,
        ]),
      ),
    ordered: false,
  },
  {
    name: 'dcount, exact, with default names',
    query: 'requests | summarize dcount(operation_Id), dcount(cloud_RoleInstance), dcount(name) by cloud_RoleName',
    expected: (set) =>
      primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['dcount_operation_Id', 'long'],
          ['dcount_cloud_RoleInstance', 'long'],
          ['dcount_name', 'long'],
        ],
        groupBy(set.requests, (r) => [r.cloud_RoleName]).map(([[role], g]) => [
          role,
          dcount(g.map((r) => r.operation_Id)),
          dcount(g.map((r) => r.cloud_RoleInstance)),
          dcount(g.map((r) => r.name)),
        ]),
      ),
    ordered: false,
  },
  {
    name: 'make_set of result codes per route',
    query: 'requests | where cloud_RoleName == "bookservice" | summarize make_set(resultCode) by name',
    expected: (set) =>
      primaryResult(
        [
          ['name', 'string'],
          ['set_resultCode', 'dynamic'],
        ],
        groupBy(
          set.requests.filter((r) => r.cloud_RoleName === 'bookservice'),
          (r) => [r.name],
        ).map(([[name], g]) => [name, makeSet(g.map((r) => r.resultCode))]),
      ),
    ordered: false,
    setColumns: ['set_resultCode'],
  },
  {
    name: 'min, max, avg and sum ignore null durations; min and max of datetimes',
    query: `dependencies
| summarize fastest = min(duration), slowest = max(duration), avg(duration), sum(duration), earliest = min(timestamp), latest = max(timestamp) by type`,
    expected: (set) =>
      primaryResult(
        [
          ['type', 'string'],
          ['fastest', 'real'],
          ['slowest', 'real'],
          ['avg_duration', 'real'],
          ['sum_duration', 'real'],
          ['earliest', 'datetime'],
          ['latest', 'datetime'],
        ],
        groupBy(set.dependencies, (d) => [d.type]).map(([[type], g]) => [
          type,
          min(durations(g)),
          max(durations(g)),
          avg(durations(g)),
          sum(durations(g)),
          min(g.map((d) => d.timestamp)),
          max(g.map((d) => d.timestamp)),
        ]),
      ),
    ordered: false,
  },
  {
    name: 'summarize without by: one row',
    query: 'requests | summarize count(), avg(duration), max(timestamp)',
    expected: (set) =>
      primaryResult(
        [
          ['count_', 'long'],
          ['avg_duration', 'real'],
          ['max_timestamp', 'datetime'],
        ],
        [[set.requests.length, avg(durations(set.requests)), max(set.requests.map((r) => r.timestamp))]],
      ),
    ordered: false,
  },
  {
    name: 'bin over a real column, named',
    query: 'requests | summarize count() by bucket = bin(duration, 100)',
    expected: (set) =>
      primaryResult(
        [
          ['bucket', 'real'],
          ['count_', 'long'],
        ],
        groupBy(set.requests, (r) => [bin(r.duration, 100)]).map(([k, g]) => [...k, g.length]),
      ),
    ordered: false,
  },
  {
    name: 'top 3 by an aggregate',
    query: `requests
| summarize avg(duration) by name, podVersion = tostring(customDimensions.VersionTag)
| top 3 by avg_duration`,
    expected: (set) => {
      const groups = groupBy(set.requests, (r) => [r.name, versionTag(r)] as const).map(([k, g]) => [...k, avg(durations(g))] as const);
      return primaryResult(
        [
          ['name', 'string'],
          ['podVersion', 'string'],
          ['avg_duration', 'real'],
        ],
        sortRows(groups, [desc((g) => g[2])])
          .slice(0, 3)
          .map((g) => [...g]),
      );
    },
    ordered: true,
  },
  {
    name: 'summarize by alone lists distinct keys',
    query: 'dependencies | summarize by target, type',
    expected: (set) =>
      primaryResult(
        [
          ['target', 'string'],
          ['type', 'string'],
        ],
        groupBy(set.dependencies, (d) => [d.target, d.type]).map(([k]) => k),
      ),
    ordered: false,
  },
  {
    name: 'avg of an int is real; long division truncates',
    query:
      'requests | summarize avgItems = avg(itemCount), items = sum(itemCount), rows = count() by cloud_RoleName | extend perRow = items / rows',
    expected: (set) =>
      primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['avgItems', 'real'],
          ['items', 'long'],
          ['rows', 'long'],
          ['perRow', 'long'],
        ],
        groupBy(set.requests, (r) => [r.cloud_RoleName]).map(([[role], g]) => {
          const items = sum(g.map((r) => r.itemCount)) ?? 0;
          return [role, avg(g.map((r) => r.itemCount)), items, g.length, Math.trunc(items / g.length)];
        }),
      ),
    ordered: false,
  },
  {
    name: 'count() counts rows with null durations; avg skips them',
    query: 'dependencies | summarize count(), avg(duration), countif(isnull(duration)) by target',
    expected: (set) =>
      primaryResult(
        [
          ['target', 'string'],
          ['count_', 'long'],
          ['avg_duration', 'real'],
          ['countif_', 'long'],
        ],
        groupBy(set.dependencies, (d) => [d.target]).map(([[target], g]) => [
          target,
          g.length,
          avg(durations(g)),
          countif(g, (d) => d.duration === null),
        ]),
      ),
    ordered: false,
  },
];
