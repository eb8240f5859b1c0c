import type { CorpusCase } from './corpus-case';
import { countBy } from './expected-shapes';
import { countif, groupBy } from './reference-aggregates';
import { asc, sortRows } from './reference-order';
import { dyn, lt, tostring } from './reference-scalars';
import { primaryResult, wholeRows } from './result-format';
import { requestsSchema } from './telemetry-schemas';

/** customDimensions and customMeasurements: access both ways, nested, missing keys, null objects, JSON text. */
export const dynamicCases: readonly CorpusCase[] = [
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
