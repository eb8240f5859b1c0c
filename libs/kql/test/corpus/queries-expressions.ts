import type { CorpusCase } from './corpus-case';
import { bookservice } from './expected-shapes';
import { groupBy, sum } from './reference-aggregates';
import { asc, sortRows } from './reference-order';
import { round, toint, truncate } from './reference-scalars';
import { primaryResult } from './result-format';

/** extend: case, iff/iif, strcat, conversions, round, integer arithmetic. */
export const expressionCases: readonly CorpusCase[] = [
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
];
