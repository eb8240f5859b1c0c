import { staticPathOf } from './request-path';

describe('staticPathOf', () => {
  it.each([
    ['/', '/'],
    ['/assets/index-AbCd1234.js?v=1', '/assets/index-AbCd1234.js'],
    ['/books/3', '/books/3'],
    ['/caf%C3%A9', '/café'],
  ])('accepts %j as %j', (url, path) => expect(staticPathOf(url)).toEqual({ ok: true, path }));

  it.each([
    ['/../etc/passwd', '"." or ".."'],
    ['/assets/%2e%2e/x', '"." or ".."'],
    ['/./index.html', '"." or ".."'],
    ['/a%5c..%5cb', 'backslashes'],
    ['/a%00', 'NUL'],
    ['/%zz', 'percent-encoding'],
    ['relative', 'begin with "/"'],
    [`/${'a'.repeat(2000)}`, 'longer than'],
  ])('refuses %j', (url, why) => {
    const result = staticPathOf(url);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(why);
  });
});
