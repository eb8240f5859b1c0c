import type { CorpusCase } from './corpus-case';
import { bookservice } from './expected-shapes';
import { groupBy } from './reference-aggregates';
import { asc, desc, sortRows } from './reference-order';
import { toint } from './reference-scalars';
import { primaryResult, wholeRows } from './result-format';
import { dependenciesSchema } from './telemetry-schemas';

/** Row shape and order: project and its variants, sort, top, take, limit, distinct, count, null placement. */
export const orderingCases: readonly CorpusCase[] = [
  {
    name: 'extend then project, the latest five',
    query: `requests
| where cloud_RoleName == "bookservice"
| extend seconds = duration / 1000, slow = duration > 1000
| project timestamp, name, seconds, slow
| sort by timestamp desc
| take 5`,
    expected: (set) =>
      primaryResult(
        [
          ['timestamp', 'datetime'],
          ['name', 'string'],
          ['seconds', 'real'],
          ['slow', 'bool'],
        ],
        sortRows(bookservice(set.requests), [desc((r) => r.timestamp)])
          .slice(0, 5)
          .map((r) => [r.timestamp, r.name, r.duration / 1000, r.duration > 1000]),
      ),
    ordered: true,
  },
  {
    name: 'project-away keeps the other columns in table order; top by a nullable column',
    query: `dependencies
| where type == "HTTP"
| project-away customDimensions, customMeasurements, data, id, operation_ParentId, sdkVersion, client_Type, appName
| top 3 by duration`,
    expected: (set) => {
      const dropped = [
        'customDimensions',
        'customMeasurements',
        'data',
        'id',
        'operation_ParentId',
        'sdkVersion',
        'client_Type',
        'appName',
      ];
      const kept = dependenciesSchema.columns.filter((c) => !dropped.includes(c.name));
      const rows = sortRows(
        set.dependencies.filter((d) => d.type === 'HTTP'),
        [desc((d) => d.duration)],
      ).slice(0, 3);
      const whole = wholeRows(kept, rows);
      return primaryResult(whole.columns, whole.rows);
    },
    ordered: true,
  },
  {
    name: 'project-rename then project, the earliest three',
    query: `requests
| where cloud_RoleName == "bookinfo-spa"
| project-rename route = name, at = timestamp
| project at, route, resultCode
| sort by at asc
| take 3`,
    expected: (set) =>
      primaryResult(
        [
          ['at', 'datetime'],
          ['route', 'string'],
          ['resultCode', 'string'],
        ],
        sortRows(
          set.requests.filter((r) => r.cloud_RoleName === 'bookinfo-spa'),
          [asc((r) => r.timestamp)],
        )
          .slice(0, 3)
          .map((r) => [r.timestamp, r.name, r.resultCode]),
      ),
    ordered: true,
  },
  // Sorted on a nullable number (toint of "" is null): Kusto's sort takes numbers, dates, times and strings.
  ...(['order by code asc', 'sort by code', 'sort by code asc nulls last', 'sort by code desc nulls first'] as const).map(
    (clause): CorpusCase => ({
      name: `null placement: ${clause}`,
      query: `dependencies | summarize count() by code = toint(resultCode) | ${clause}`,
      expected: (set) => {
        const direction = clause.includes('asc') ? 'asc' : 'desc';
        const nulls = clause.includes('nulls last') ? 'last' : clause.includes('nulls first') ? 'first' : undefined;
        const groups = groupBy(set.dependencies, (d) => [toint(d.resultCode)]);
        const key =
          direction === 'asc' ? asc<(typeof groups)[number]>(([k]) => k[0], nulls) : desc<(typeof groups)[number]>(([k]) => k[0], nulls);
        return primaryResult(
          [
            ['code', 'int'],
            ['count_', 'long'],
          ],
          sortRows(groups, [key]).map(([k, g]) => [...k, g.length]),
        );
      },
      ordered: true,
    }),
  ),
  {
    name: 'distinct over two columns',
    query: 'requests | distinct cloud_RoleName, name',
    expected: (set) =>
      primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['name', 'string'],
        ],
        groupBy(set.requests, (r) => [r.cloud_RoleName, r.name]).map(([k]) => k),
      ),
    ordered: false,
  },
  {
    name: 'take then count',
    query: 'requests | take 10 | count',
    expected: () => primaryResult([['Count', 'long']], [[10]]),
    ordered: false,
  },
  {
    name: 'sort then limit, nulls out first',
    query: 'dependencies | where isnotnull(duration) | sort by duration desc | limit 5 | project target, duration, resultCode',
    expected: (set) =>
      primaryResult(
        [
          ['target', 'string'],
          ['duration', 'real'],
          ['resultCode', 'string'],
        ],
        sortRows(
          set.dependencies.filter((d) => d.duration !== null),
          [desc((d) => d.duration)],
        )
          .slice(0, 5)
          .map((d) => [d.target, d.duration, d.resultCode]),
      ),
    ordered: true,
  },
  {
    name: 'top with asc and explicit nulls last',
    query: 'dependencies | where type == "HTTP" | top 3 by duration asc nulls last | project target, duration',
    expected: (set) =>
      primaryResult(
        [
          ['target', 'string'],
          ['duration', 'real'],
        ],
        sortRows(
          set.dependencies.filter((d) => d.type === 'HTTP'),
          [asc((d) => d.duration, 'last')],
        )
          .slice(0, 3)
          .map((d) => [d.target, d.duration]),
      ),
    ordered: true,
  },
  {
    name: 'sort by two keys, mixed directions',
    query: 'requests | summarize count() by cloud_RoleName, resultCode | sort by cloud_RoleName asc, count_ desc',
    expected: (set) => {
      const groups = groupBy(set.requests, (r) => [r.cloud_RoleName, r.resultCode] as const).map(([k, g]) => [...k, g.length] as const);
      return primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['resultCode', 'string'],
          ['count_', 'long'],
        ],
        sortRows(groups, [asc((g) => g[0]), desc((g) => g[2])]).map((g) => [...g]),
      );
    },
    ordered: true,
    sortKeys: ['cloud_RoleName', 'count_'],
  },
];
