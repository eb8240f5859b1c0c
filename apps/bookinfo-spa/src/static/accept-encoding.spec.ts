import { negotiateEncoding } from './accept-encoding';

describe('negotiateEncoding', () => {
  const both = ['br', 'gzip'] as const;

  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['BR', 'br'],
    ['gzip;q=abc', 'identity'],
    ['gzip;q=2', 'identity'],
  ])('%j → %s', (header, expected) => expect(negotiateEncoding(header, both)).toBe(expected));

  it('only offers what the file has', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBe('identity');
    expect(negotiateEncoding('br, gzip', [])).toBe('identity');
  });

  it('ignores an absurdly long header', () => {
    expect(negotiateEncoding(`${'x, '.repeat(1000)}br`, both)).toBe('identity');
  });
});
