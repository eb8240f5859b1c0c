import { parseDatetime, parseTimespan } from './literal-values';

describe('literal values', () => {
  it('timespans in units and clock form', () => {
    expect(parseTimespan('15m')).toBe(900_000);
    expect(parseTimespan('1.5h')).toBe(5_400_000);
    expect(parseTimespan('100ms')).toBe(100);
    expect(parseTimespan('2d')).toBe(172_800_000);
    expect(parseTimespan('10tick')).toBe(0.001);
    expect(parseTimespan('1.02:03:04.5')).toBe(93_784_500);
    expect(parseTimespan('-00:00:01')).toBe(-1000);
    expect(parseTimespan('5 fortnights')).toBeUndefined();
  });

  it('datetimes are UTC unless they say otherwise', () => {
    expect(parseDatetime('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    expect(parseDatetime('2026-12-01 07:54')).toBe(Date.UTC(2026, 11, 1, 7, 54));
    expect(parseDatetime('2026-12-01T07:54:14.831Z')).toBe(Date.UTC(2026, 11, 1, 7, 54, 14, 831));
    expect(parseDatetime('2026-12-01T08:00:00+01:00')).toBe(Date.UTC(2026, 11, 1, 7));
    expect(parseDatetime('yesterday')).toBeUndefined();
  });
});
