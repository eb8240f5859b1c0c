import type { CorpusCase } from './corpus-case';
import { count, countBy } from './expected-shapes';
import { countif, groupBy } from './reference-aggregates';
import { contains, dyn, endswith, equalsIgnoreCase, ge, gt, has, le, startswith, toint, tostring } from './reference-scalars';
import { primaryResult } from './result-format';

/** where: comparisons, string operators (case rules, whole terms), lists, null rules. */
export const filterCases: readonly CorpusCase[] = [
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
];
