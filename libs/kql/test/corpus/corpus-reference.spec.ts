import { errorCases } from './errors';
import { corpusCases } from './queries';
import { percentile } from './reference-aggregates';
import { asc, desc, sortRows } from './reference-order';
import { has } from './reference-scalars';
import { formatDatetime, formatTimespan } from './result-format';
import { HOUR, MINUTE, NOW, VERSION_TAGS, telemetrySet } from './telemetry-set';

// The corpus's expected answers are the reference the engine is held to: these tests check the
// reference itself (the generated rows and the helpers), without the engine.
const set = telemetrySet();

describe('telemetry set', () => {
  it('is the same on every run, ~600 requests and ~400 dependencies', () => {
    expect(telemetrySet()).toEqual(set);
    expect([set.requests.length, set.dependencies.length]).toEqual([600, 400]);
  });

  it('spreads unique timestamps over the two hours before NOW', () => {
    for (const rows of [set.requests, set.dependencies]) {
      const times = rows.map((r) => r.timestamp);
      expect(new Set(times).size).toBe(times.length);
      expect(times.every((t) => t > NOW - 2 * HOUR && t < NOW)).toBe(true);
    }
  });

  it('pins rows on the boundaries the queries test', () => {
    const times = set.requests.map((r) => r.timestamp);
    expect(times).toEqual(expect.arrayContaining([NOW - 15 * MINUTE, NOW - 30 * MINUTE, NOW - HOUR]));
    expect(set.requests.map((r) => r.duration)).toEqual(expect.arrayContaining([100, 500, 1000]));
  });

  it('has unique durations, never on a rounding midpoint', () => {
    for (const rows of [set.requests, set.dependencies]) {
      const durations = rows.flatMap((r) => (r.duration === null ? [] : [r.duration]));
      expect(new Set(durations).size).toBe(durations.length);
      const ticks = durations.map((d) => Math.round(d * 10_000) % 10_000);
      expect(ticks.filter((t) => t % 100 === 50 || t === 5000)).toEqual([]);
    }
  });

  it('holds every version tag, untagged rows, nulls and empty strings', () => {
    const tags = set.requests.map((r) => r.customDimensions?.['VersionTag']);
    expect(new Set(tags)).toEqual(new Set([...VERSION_TAGS, undefined]));
    expect(set.requests.some((r) => r.customDimensions === null)).toBe(true);
    expect(set.dependencies.some((d) => d.success === null)).toBe(true);
    expect(set.dependencies.some((d) => d.duration === null)).toBe(true);
    expect(set.dependencies.some((d) => d.resultCode === '')).toBe(true);
    expect(set.dependencies.some((d) => d.customDimensions?.['NoiseReference'] === 'true')).toBe(true);
    expect(new Set(set.requests.map((r) => r.cloud_RoleName))).toEqual(new Set(['bookservice', 'bookinfo-spa']));
  });
});

describe('reference helpers', () => {
  it('formats datetimes with 7 fractional digits', () => {
    expect(formatDatetime(Date.UTC(2026, 11, 1, 7, 54, 14, 831))).toBe('2026-12-01T07:54:14.8310000Z');
    expect(formatDatetime(NOW)).toBe('2026-12-01T08:00:00.0000000Z');
  });

  it("formats timespans as .NET's constant format", () => {
    expect(formatTimespan(5 * MINUTE)).toBe('00:05:00');
    expect(formatTimespan(25 * HOUR + 0.5)).toBe('1.01:00:00.0005000');
    expect(formatTimespan(-90_000)).toBe('-00:01:30');
    expect(formatTimespan(1234.5678)).toBe('00:00:01.2345678');
  });

  it('takes nearest-rank percentiles, ignoring nulls', () => {
    const values = [40, null, 15, 50, 20, 35];
    expect([0, 30, 40, 50, 100].map((p) => percentile(values, p))).toEqual([15, 20, 20, 35, 50]);
    expect(percentile([null], 50)).toBeNull();
  });

  it('sorts as Kusto: desc by default, nulls last when desc and first when asc', () => {
    const rows = [{ v: 1 }, { v: null }, { v: 3 }];
    expect(sortRows(rows, [desc((r) => r.v)]).map((r) => r.v)).toEqual([3, 1, null]);
    expect(sortRows(rows, [asc((r) => r.v)]).map((r) => r.v)).toEqual([null, 1, 3]);
    expect(sortRows(rows, [asc((r) => r.v, 'last')]).map((r) => r.v)).toEqual([1, 3, null]);
    expect(sortRows(rows, [{ by: (r) => r.v }]).map((r) => r.v)).toEqual([3, 1, null]);
  });

  it('matches has on whole terms only, ignoring case', () => {
    expect(has('GET /books/{id}/reviews', 'REVIEWS')).toBe(true);
    expect(has('GET /books/{id}/reviews', 'review')).toBe(false);
  });
});

describe('corpus', () => {
  it('has at least 40 queries and 10 error cases, each named once', () => {
    expect(corpusCases.length).toBeGreaterThanOrEqual(40);
    expect(errorCases.length).toBeGreaterThanOrEqual(10);
    const names = [...corpusCases, ...errorCases].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps the lab's query verbatim, odd spacing and trailing blank included", () => {
    const lab = corpusCases[0]?.query ?? '';
    expect(lab).toContain('tostring(customDimensions   ["VersionTag"]), resultCode \n| sort by name, podVersion');
  });

  it('expects at least one row from every query, in well-formed tables', () => {
    for (const c of corpusCases) {
      const table = c.expected(set).tables[0];
      expect({ name: c.name, rows: (table?.rows.length ?? 0) > 0 }).toEqual({ name: c.name, rows: true });
      for (const row of table?.rows ?? []) expect(row).toHaveLength(table?.columns.length ?? -1);
    }
  });
});
