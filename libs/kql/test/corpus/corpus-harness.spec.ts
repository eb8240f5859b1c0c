import { memoryTableSource } from './memory-table-source';
import { resultDifference } from './result-compare';
import { primaryResult } from './result-format';
import { type JsonValue, schemas } from './telemetry-schemas';
import { NOW, telemetrySet } from './telemetry-set';

// The harness corpus.spec.ts runs the engine through: it must catch wrong answers and hold the engine
// to the TableSource contract.
const result = (rows: JsonValue[][]) =>
  primaryResult(
    [
      ['name', 'string'],
      ['avg', 'real'],
      ['codes', 'dynamic'],
    ],
    rows,
  );

describe('resultDifference', () => {
  const expected = result([
    ['a', 1.5, ['200', '404']],
    ['b', 2, ['500']],
  ]);

  it('accepts reals within the tolerance and make_set arrays in any order', () => {
    const actual = result([
      ['b', 2 * (1 + 1e-12), ['500']],
      ['a', 1.5, ['404', '200']],
    ]);
    expect(resultDifference(actual, expected, { ordered: false, setColumns: ['codes'] })).toBeUndefined();
  });

  it('rejects a wrong cell, a wrong order, a wrong column and a missing row', () => {
    const swapped = result([
      ['b', 2, ['500']],
      ['a', 1.5, ['200', '404']],
    ]);
    expect(resultDifference(swapped, expected, { ordered: true })).toMatch(/row 0/);
    expect(
      resultDifference(
        result([
          ['a', 1.5001, ['200', '404']],
          ['b', 2, ['500']],
        ]),
        expected,
        { ordered: false },
      ),
    ).toMatch(/no row matches/);
    expect(resultDifference(result([['a', 1.5, ['200', '404']]]), expected, { ordered: false })).toMatch(/1 rows, expected 2/);
    const renamed = primaryResult([['route', 'string']], []);
    expect(resultDifference(renamed, expected, { ordered: false })).toMatch(/columns/);
  });

  it('lets rows that tie on the sort keys come in any order, but not rows out of key order', () => {
    const ties = result([
      ['a', 1, ['1']],
      ['a', 2, ['2']],
    ]);
    const flipped = result([
      ['a', 2, ['2']],
      ['a', 1, ['1']],
    ]);
    expect(resultDifference(flipped, ties, { ordered: true, sortKeys: ['name'] })).toBeUndefined();
    expect(resultDifference(flipped, ties, { ordered: true, sortKeys: ['avg'] })).toMatch(/row 0/);
  });
});

describe('memoryTableSource', () => {
  const set = telemetrySet();
  const source = memoryTableSource(schemas, set);

  it('returns the requested columns, in order, only inside the time range', () => {
    const from = NOW - 60_000;
    const rows = [...source.scan('requests', { columns: ['name', 'timestamp'], timeRange: { from, to: NOW } })];
    const inside = set.requests.filter((r) => r.timestamp >= from && r.timestamp < NOW);
    expect(rows).toEqual(inside.map((r) => [r.name, r.timestamp]));
  });

  it('hands a dynamic column read through constant keys over as an object of just those keys', () => {
    const rows = [
      ...source.scan('requests', { columns: ['customDimensions'], dynamicKeys: new Map([['customDimensions', ['VersionTag']]]) }),
    ];
    const tagged = set.requests.findIndex((r) => r.customDimensions?.['Pod'] !== undefined);
    expect(rows[tagged]?.[0]).toEqual({ VersionTag: set.requests[tagged]?.customDimensions?.['VersionTag'] });
  });

  it('refuses an unknown table or column', () => {
    expect(() => [...source.scan('request', { columns: ['name'] })]).toThrow("scan of unknown table 'request'");
    expect(() => [...source.scan('requests', { columns: ['target'] })]).toThrow("scan of unknown column 'requests.target'");
  });
});
