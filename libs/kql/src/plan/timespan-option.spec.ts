import { KqlError } from '../errors';
import { parseTimespanOption } from './timespan-option';

const now = Date.UTC(2026, 11, 1, 8);

describe("Log Analytics' timespan parameter", () => {
  it('a duration ends now', () => {
    expect(parseTimespanOption('PT15M', now)).toEqual({ from: now - 900_000, to: now + 1 });
    expect(parseTimespanOption('P1D', now)).toEqual({ from: now - 86_400_000, to: now + 1 });
    expect(parseTimespanOption('P1DT12H', now)).toEqual({ from: now - 129_600_000, to: now + 1 });
  });

  it('intervals: start/end, start/duration, duration/end', () => {
    expect(parseTimespanOption('2026-12-01T07:00:00Z/2026-12-01T08:00:00Z', now)).toEqual({
      from: Date.UTC(2026, 11, 1, 7),
      to: now,
    });
    expect(parseTimespanOption('2026-12-01T07:00:00Z/PT30M', now)).toEqual({
      from: Date.UTC(2026, 11, 1, 7),
      to: Date.UTC(2026, 11, 1, 7, 30),
    });
    expect(parseTimespanOption('PT1H/2026-12-01T08:00:00Z', now)).toEqual({ from: Date.UTC(2026, 11, 1, 7), to: now });
  });

  it('refuses what is not ISO 8601 (and months, whose length varies), saying what it expects', () => {
    for (const bad of ['15m', 'P', 'PT', 'P1M', 'x/y', 'a/b/c']) {
      expect(() => parseTimespanOption(bad, now)).toThrow(KqlError);
    }
    expect(() => parseTimespanOption('15m', now)).toThrow(/ISO 8601 duration or interval \(PT15M, P1D, start\/end, start\/duration\)/);
  });
});
