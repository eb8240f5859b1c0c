import { formatCell, formatDatetime, formatTimespan } from './format-cell';

describe('result cells as the Log Analytics API writes them', () => {
  it('datetimes: ISO 8601, 7 fractional digits, sub-millisecond ticks kept', () => {
    expect(formatDatetime(Date.UTC(2026, 11, 1, 7, 54, 14, 831))).toBe('2026-12-01T07:54:14.8310000Z');
    expect(formatDatetime(Date.UTC(2026, 11, 1) + 0.5)).toBe('2026-12-01T00:00:00.0005000Z');
  });

  it('timespans: [-][d.]hh:mm:ss[.fffffff]', () => {
    expect(formatTimespan(15 * 60_000)).toBe('00:15:00');
    expect(formatTimespan(100)).toBe('00:00:00.1000000');
    expect(formatTimespan(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_500)).toBe('1.02:03:04.5000000');
    expect(formatTimespan(-90_000)).toBe('-00:01:30');
    expect(formatTimespan(0)).toBe('00:00:00');
  });

  it('dynamic values as JSON text, strings never null, numbers Kusto cannot write in JSON as text', () => {
    expect(formatCell({ a: [1, 'x'] }, 'dynamic')).toBe('{"a":[1,"x"]}');
    expect(formatCell('x', 'dynamic')).toBe('"x"');
    expect(formatCell(null, 'dynamic')).toBeNull();
    expect(formatCell(null, 'string')).toBe('');
    expect(formatCell(null, 'long')).toBeNull();
    expect(formatCell(Number.NaN, 'real')).toBe('NaN');
    expect(formatCell(true, 'bool')).toBe(true);
  });
});
