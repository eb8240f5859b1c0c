import { formatServedAt, preciseNow } from './served-at';

describe('formatServedAt', () => {
  it.each([
    [Date.UTC(2026, 11, 1, 4, 30, 0, 123) + 0.456, '2026-12-01T04:30:00.123456Z'],
    [Date.UTC(2026, 11, 1, 4, 30, 0, 123), '2026-12-01T04:30:00.123000Z'],
    [Date.UTC(2026, 11, 1, 4, 30, 0, 0) + 0.0009, '2026-12-01T04:30:00.000000Z'],
    [Date.UTC(2026, 11, 1, 4, 30, 0, 999) + 0.9995, '2026-12-01T04:30:00.999999Z'],
  ])('%d → %s', (ms, text) => expect(formatServedAt(ms)).toBe(text));

  it('parses back to the same millisecond', () => {
    const ms = Date.UTC(2026, 11, 1, 4, 30, 0, 123) + 0.456;
    expect(Date.parse(formatServedAt(ms))).toBe(Math.floor(ms));
  });

  // Regression: with milliseconds only, two instances answering the same mirrored request often
  // stamped the same value, and servedAt stopped looking like noise.
  it('tells apart calls within one millisecond', () => {
    const stamps = new Set(Array.from({ length: 50 }, () => formatServedAt(preciseNow())));
    expect(stamps.size).toBeGreaterThan(1);
  });
});
