import type { CorpusCase } from './corpus-case';
import { countif, groupBy, max, min } from './reference-aggregates';
import { contains, dyn, endswith, equalsIgnoreCase, ge, gt, has, le, lt, startswith, toint, tostring } from './reference-scalars';
import { type ColumnSpec, primaryResult } from './result-format';
import { HOUR, MINUTE, NOW } from './telemetry-set';
import type { JsonValue } from './telemetry-schemas';

/** `… | summarize count_ = count() by <key columns>`: one row per key, the count last. */
function countBy<T>(rows: readonly T[], keyColumns: readonly ColumnSpec[], key: (row: T) => readonly JsonValue[]) {
  return primaryResult(
    [...keyColumns, ['count_', 'long']],
    groupBy(rows, key).map(([k, group]) => [...k, group.length]),
  );
}
const count = (n: number) => primaryResult([['Count', 'long']], [[n]]);

export const filterCases: readonly CorpusCase[] = [
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
    name: 'between reals includes both ends',
    query: 'requests | where duration between (100.0 .. 500.0) | summarize count() by name',
    expected: (set) =>
      countBy(
        set.requests.filter((r) => r.duration >= 100 && r.duration <= 500),
        [['name', 'string']],
        (r) => [r.name],
      ),
    ordered: false,
  },
  {
    name: '== is case-sensitive, =~ and !~ are not',
    query: `requests
| summarize exact = countif(name == "get /BOOKS"), insensitive = countif(name =~ "get /BOOKS"), different = countif(name !~ "get /BOOKS")`,
    expected: (set) => {
      const rs = set.requests;
      return primaryResult(
        [
          ['exact', 'long'],
          ['insensitive', 'long'],
          ['different', 'long'],
        ],
        [
          [
            countif(rs, (r) => r.name === 'get /BOOKS'),
            countif(rs, (r) => equalsIgnoreCase(r.name, 'get /BOOKS')),
            countif(rs, (r) => !equalsIgnoreCase(r.name, 'get /BOOKS')),
          ],
        ],
      );
    },
    ordered: false,
  },
  {
    name: 'contains and !contains ignore case',
    query: 'requests | where url contains "/REVIEWS" and cloud_RoleInstance !contains "V4" | summarize count() by cloud_RoleInstance',
    expected: (set) =>
      countBy(
        set.requests.filter((r) => contains(r.url, '/REVIEWS') && !contains(r.cloud_RoleInstance, 'V4')),
        [['cloud_RoleInstance', 'string']],
        (r) => [r.cloud_RoleInstance],
      ),
    ordered: false,
  },
  {
    name: 'has and !has match whole terms',
    query: 'requests | where name has "BOOKS" and name !has "review" and name !has "reviews" | summarize count() by name',
    expected: (set) =>
      countBy(
        set.requests.filter((r) => has(r.name, 'BOOKS') && !has(r.name, 'review') && !has(r.name, 'reviews')),
        [['name', 'string']],
        (r) => [r.name],
      ),
    ordered: false,
  },
  {
    name: 'startswith and endswith with verbatim and single-quoted strings',
    query: `requests | where url startswith @"HTTP://bookservice:" and url endswith '/Reviews' | count`,
    expected: (set) => count(set.requests.filter((r) => startswith(r.url, 'HTTP://bookservice:') && endswith(r.url, '/Reviews')).length),
    ordered: false,
  },
  {
    name: 'in and !in over string lists',
    query: `requests
| where resultCode in ("404", "500") and cloud_RoleName !in ("bookinfo-spa")
| summarize count() by resultCode, podVersion = tostring(customDimensions.VersionTag)`,
    expected: (set) =>
      countBy(
        set.requests.filter((r) => ['404', '500'].includes(r.resultCode) && r.cloud_RoleName !== 'bookinfo-spa'),
        [
          ['resultCode', 'string'],
          ['podVersion', 'string'],
        ],
        (r) => [r.resultCode, tostring(dyn(r.customDimensions, 'VersionTag'))],
      ),
    ordered: false,
  },
  {
    name: '!=, or, and with parentheses',
    query: 'requests | where (resultCode != "200" or duration > 1000) and cloud_RoleName == "bookservice" | summarize count() by name',
    expected: (set) =>
      countBy(
        set.requests.filter((r) => (r.resultCode !== '200' || r.duration > 1000) && r.cloud_RoleName === 'bookservice'),
        [['name', 'string']],
        (r) => [r.name],
      ),
    ordered: false,
  },
  {
    name: 'isempty and isnotempty over a missing dynamic key',
    query: `requests
| summarize tagged = countif(isnotempty(tostring(customDimensions.VersionTag))), untagged = countif(isempty(tostring(customDimensions["VersionTag"]))) by cloud_RoleName`,
    expected: (set) =>
      primaryResult(
        [
          ['cloud_RoleName', 'string'],
          ['tagged', 'long'],
          ['untagged', 'long'],
        ],
        groupBy(set.requests, (r) => [r.cloud_RoleName]).map(([[role], group]) => {
          const tag = (r: (typeof group)[number]) => tostring(dyn(r.customDimensions, 'VersionTag'));
          return [role, countif(group, (r) => tag(r) !== ''), countif(group, (r) => tag(r) === '')];
        }),
      ),
    ordered: false,
  },
  {
    name: 'isnull and isnotnull over bool, real and dynamic',
    query: `dependencies
| summarize unknownOutcome = countif(isnull(success)), timed = countif(isnotnull(duration)), noDimensions = countif(isnull(customDimensions)), mirrored = countif(isnotnull(customDimensions.Mirror)) by type`,
    expected: (set) =>
      primaryResult(
        [
          ['type', 'string'],
          ['unknownOutcome', 'long'],
          ['timed', 'long'],
          ['noDimensions', 'long'],
          ['mirrored', 'long'],
        ],
        groupBy(set.dependencies, (d) => [d.type]).map(([[type], group]) => [
          type,
          countif(group, (d) => d.success === null),
          countif(group, (d) => d.duration !== null),
          countif(group, (d) => d.customDimensions === null),
          countif(group, (d) => dyn(d.customDimensions, 'Mirror') !== null),
        ]),
      ),
    ordered: false,
  },
  {
    name: 'not() of a null bool keeps nothing',
    query: 'dependencies | where not(success) | summarize count() by target, resultCode',
    expected: (set) =>
      countBy(
        set.dependencies.filter((d) => d.success === false),
        [
          ['target', 'string'],
          ['resultCode', 'string'],
        ],
        (d) => [d.target, d.resultCode],
      ),
    ordered: false,
  },
  {
    name: 'comparisons with null are false both ways',
    query: 'dependencies | where duration > 50 or duration <= 50 | count',
    expected: (set) => count(set.dependencies.filter((d) => gt(d.duration, 50) || le(d.duration, 50)).length),
    ordered: false,
  },
  {
    name: 'toint of an empty string is null and drops out of comparisons',
    query: 'dependencies | extend code = toint(resultCode) | where code >= 400 | summarize count() by target, code',
    expected: (set) =>
      countBy(
        set.dependencies.filter((d) => ge(toint(d.resultCode), 400)),
        [
          ['target', 'string'],
          ['code', 'int'],
        ],
        (d) => [d.target, toint(d.resultCode)],
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
    name: 'nested dynamic access both ways',
    query: `requests
| where customDimensions.Pod.zone == "zone-a" or customDimensions["Pod"]["zone"] == "zone-b"
| summarize count() by zone = tostring(customDimensions["Pod"]["zone"]), podName = tostring(customDimensions.Pod.name)`,
    expected: (set) =>
      countBy(
        set.requests.filter((r) => ['zone-a', 'zone-b'].includes(tostring(dyn(r.customDimensions, 'Pod', 'zone')))),
        [
          ['zone', 'string'],
          ['podName', 'string'],
        ],
        (r) => [tostring(dyn(r.customDimensions, 'Pod', 'zone')), tostring(dyn(r.customDimensions, 'Pod', 'name'))],
      ),
    ordered: false,
  },
  {
    name: 'a less-than filter on a dynamic number',
    query: 'requests | where toint(customMeasurements.bookCount) < 20 | summarize count() by name',
    expected: (set) =>
      countBy(
        set.requests.filter((r) => lt(dyn(r.customMeasurements, 'bookCount') as number | null, 20)),
        [['name', 'string']],
        (r) => [r.name],
      ),
    ordered: false,
  },
];
