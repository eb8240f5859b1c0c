import { parseSince } from './time-window';

describe('parseSince', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it('reads relative durations and ISO date-times', () => {
    expect(parseSince('15m', now)).toBe(now - 15 * 60_000);
    expect(parseSince('2h', now)).toBe(now - 2 * 3_600_000);
    expect(parseSince('2026-11-21T11:00:00Z', now)).toBe(now - 3_600_000);
  });

  it('says the rule when the value is neither', () => {
    expect(parseSince('yesterday', now)).toBe('must be a duration like 15m, 2h, 7d or an ISO 8601 date-time');
    expect(parseSince('9999d', now)).toBe('must be at most 366 days');
  });
});
