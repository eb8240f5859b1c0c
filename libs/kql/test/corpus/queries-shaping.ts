import type { CorpusCase } from './corpus-case';
import { groupBy, sum } from './reference-aggregates';
import { asc, desc, sortRows } from './reference-order';
import { dyn, round, toint, tostring, truncate } from './reference-scalars';
import { primaryResult, wholeRows } from './result-format';
import { dependenciesSchema, requestsSchema } from './telemetry-schemas';

const bookservice = <T extends { readonly cloud_RoleName: string }>(rows: readonly T[]) =>
  rows.filter((r) => r.cloud_RoleName === 'bookservice');

export const shapingCases: readonly CorpusCase[] = [
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
    name: 'case bands durations',
    query: 'requests | extend band = case(duration < 100, "fast", duration < 1000, "ok", "slow") | summarize count() by band',
    expected: (set) =>
      primaryResult(
        [
          ['band', 'string'],
          ['count_', 'long'],
        ],
        groupBy(set.requests, (r) => [r.duration < 100 ? 'fast' : r.duration < 1000 ? 'ok' : 'slow']).map(([k, g]) => [...k, g.length]),
      ),
    ordered: false,
  },
  {
    name: 'iff and iif',
    query: `requests
| extend outcome = iff(success, "ok", "failed"), delayed = iif(duration > 1000, 1, 0)
| summarize count(), delayedCount = sum(delayed) by outcome`,
    expected: (set) =>
      primaryResult(
        [
          ['outcome', 'string'],
          ['count_', 'long'],
          ['delayedCount', 'long'],
        ],
        groupBy(set.requests, (r) => [r.success ? 'ok' : 'failed']).map(([k, g]) => [
          ...k,
          g.length,
          sum(g.map((r) => (r.duration > 1000 ? 1 : 0))),
        ]),
      ),
    ordered: false,
  },
  {
    name: 'strcat builds a grouping key',
    query: 'requests | extend route = strcat(cloud_RoleName, " ", name) | summarize count() by route',
    expected: (set) =>
      primaryResult(
        [
          ['route', 'string'],
          ['count_', 'long'],
        ],
        groupBy(set.requests, (r) => [`${r.cloud_RoleName} ${r.name}`]).map(([k, g]) => [...k, g.length]),
      ),
    ordered: false,
  },
  {
    name: 'conversions: toint, tolong, todouble, toreal, tostring',
    query: `requests
| where cloud_RoleName == "bookservice"
| extend code = toint(resultCode), ms = tolong(duration), sec = todouble(duration) / 1000, items = toreal(itemCount), items2 = tostring(itemCount)
| summarize max(code), sum(ms), max(sec), sum(items) by items2`,
    expected: (set) =>
      primaryResult(
        [
          ['items2', 'string'],
          ['max_code', 'int'],
          ['sum_ms', 'long'],
          ['max_sec', 'real'],
          ['sum_items', 'real'],
        ],
        groupBy(bookservice(set.requests), (r) => [String(r.itemCount)]).map(([k, g]) => [
          ...k,
          Math.max(...g.map((r) => toint(r.resultCode) ?? -1)),
          sum(g.map((r) => truncate(r.duration))),
          Math.max(...g.map((r) => r.duration / 1000)),
          sum(g.map((r) => r.itemCount)),
        ]),
      ),
    ordered: false,
  },
  {
    name: 'round to 0 and 2 digits',
    query: `requests
| where name == "GET /books/{id}/reviews"
| project timestamp, d0 = round(duration), d2 = round(duration, 2)
| sort by timestamp asc
| take 5`,
    expected: (set) =>
      primaryResult(
        [
          ['timestamp', 'datetime'],
          ['d0', 'real'],
          ['d2', 'real'],
        ],
        sortRows(
          set.requests.filter((r) => r.name === 'GET /books/{id}/reviews'),
          [asc((r) => r.timestamp)],
        )
          .slice(0, 5)
          .map((r) => [r.timestamp, round(r.duration), round(r.duration, 2)]),
      ),
    ordered: true,
  },
  {
    name: 'integer division and modulo of longs',
    query: 'requests | extend family = toint(resultCode) / 100, odd = itemCount % 2 | summarize count() by family, odd',
    expected: (set) =>
      primaryResult(
        [
          ['family', 'long'],
          ['odd', 'long'],
          ['count_', 'long'],
        ],
        groupBy(set.requests, (r) => [Math.trunc((toint(r.resultCode) ?? 0) / 100), r.itemCount % 2]).map(([k, g]) => [...k, g.length]),
      ),
    ordered: false,
  },
  {
    name: 'whole rows: datetime with 7 digits, dynamic as JSON text, null dynamic as null',
    query: 'requests | where isnotnull(customMeasurements) | project-away customDimensions | sort by timestamp asc | take 2',
    expected: (set) => {
      const kept = requestsSchema.columns.filter((c) => c.name !== 'customDimensions');
      const rows = sortRows(
        set.requests.filter((r) => r.customMeasurements !== null),
        [asc((r) => r.timestamp)],
      ).slice(0, 2);
      const whole = wholeRows(kept, rows);
      return primaryResult(whole.columns, whole.rows);
    },
    ordered: true,
  },
  {
    name: 'a dynamic column projected whole, and a key of it converted',
    query: `requests
| where name == "GET /books"
| project id, customMeasurements, bookCount = toint(customMeasurements["bookCount"])
| sort by id asc
| take 5`,
    expected: (set) =>
      primaryResult(
        [
          ['id', 'string'],
          ['customMeasurements', 'dynamic'],
          ['bookCount', 'int'],
        ],
        sortRows(
          set.requests.filter((r) => r.name === 'GET /books'),
          [asc((r) => r.id)],
        )
          .slice(0, 5)
          .map((r) => [r.id, r.customMeasurements, dyn(r.customMeasurements, 'bookCount')]),
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
  {
    name: 'tostring of a dynamic string has no quotes',
    query:
      'dependencies | where isnotempty(tostring(customDimensions.VersionTag)) | summarize count() by tag = tostring(customDimensions.VersionTag), target',
    expected: (set) =>
      primaryResult(
        [
          ['tag', 'string'],
          ['target', 'string'],
          ['count_', 'long'],
        ],
        groupBy(
          set.dependencies.filter((d) => tostring(dyn(d.customDimensions, 'VersionTag')) !== ''),
          (d) => [tostring(dyn(d.customDimensions, 'VersionTag')), d.target],
        ).map(([k, g]) => [...k, g.length]),
      ),
    ordered: false,
  },
];
