import { stopStatus } from './stop-status';

describe('stopStatus', () => {
  it('is 0 when every app exited 0, and names them', () => {
    const apps = [
      { name: 'bookinfo-spa', exit: { code: 0, signal: null } },
      { name: 'collector', exit: { code: 0, signal: null } },
    ];
    expect(stopStatus('SIGTERM', apps)).toEqual({
      code: 0,
      line: 'mirrormesh: stopped on SIGTERM: bookinfo-spa, collector drained and exited 0; exit code 0',
    });
  });

  it('is 1 when an app failed to drain or had to be killed, naming it and how it ended', () => {
    const apps = [
      { name: 'bookservice', exit: { code: 1, signal: null } },
      { name: 'bookservicemirror', exit: { code: null, signal: 'SIGKILL' as const } },
      { name: 'collector', exit: { code: 0, signal: null } },
    ];
    expect(stopStatus('SIGINT', apps)).toEqual({
      code: 1,
      line: 'mirrormesh: stopped on SIGINT, but bookservice exited 1, bookservicemirror was ended by SIGKILL (see its log); exit code 1',
    });
  });
});
