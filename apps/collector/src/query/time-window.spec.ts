import { parseTimeBound, timeBoundKql } from './time-window';

describe('parseTimeBound', () => {
  it('reads relative durations as ago() and ISO date-times as instants', () => {
    expect(parseTimeBound('15m')).toEqual({ ago: '15m' });
    expect(parseTimeBound(' 2h ')).toEqual({ ago: '2h' });
    expect(parseTimeBound('2026-11-21T11:00:00Z')).toEqual({ at: Date.parse('2026-11-21T11:00:00Z') });
  });

  it('says the rule when the value is neither', () => {
    expect(parseTimeBound('yesterday')).toBe('must be a duration like 15m, 2h, 7d or an ISO 8601 date-time');
    expect(parseTimeBound('9999d')).toBe('must be at most 366 days');
    expect(parseTimeBound('2026-13-45')).toBe('must be a duration like 15m, 2h, 7d or an ISO 8601 date-time');
  });

  it('writes each bound as a KQL datetime expression', () => {
    expect(timeBoundKql({ ago: '15m' })).toBe('ago(15m)');
    expect(timeBoundKql({ at: Date.parse('2026-11-21T11:00:00+01:00') })).toBe('datetime(2026-11-21T10:00:00.000Z)');
  });
});
