import { logColorsEnabled } from './log-colors';

// Regression: log files under .mirrormesh/logs were full of ANSI colour codes.
describe('logColorsEnabled', () => {
  it('does not colour when standard output is not a terminal', () => {
    expect(logColorsEnabled({}, false)).toBe(false);
    expect(logColorsEnabled({}, undefined)).toBe(false);
  });

  it('colours a terminal', () => expect(logColorsEnabled({}, true)).toBe(true));

  it('honours NO_COLOR over everything, then FORCE_COLOR', () => {
    expect(logColorsEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(logColorsEnabled({ NO_COLOR: '' }, true)).toBe(true);
    expect(logColorsEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(logColorsEnabled({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(logColorsEnabled({ FORCE_COLOR: 'false' }, true)).toBe(false);
  });
});
