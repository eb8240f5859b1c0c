import { durationToMs } from './duration';

describe('durationToMs', () => {
  it.each([
    ['250ms', 250],
    ['10s', 10_000],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['1h', 3_600_000],
  ])('reads %s as %d ms', (text, ms) => expect(durationToMs(text)).toBe(ms));

  it('refuses anything else with the rule', () => {
    expect(() => durationToMs('10')).toThrow('"10" must be a duration such as "250ms", "10s" or "1m"');
  });
});
