import { normalizePath, type PathNormalization } from './normalize-path';

const rejected = (reason: string) => ({ reason });

describe('normalizePath', () => {
  describe('RFC 3986 §5.4 reference resolutions, as the merged absolute paths they remove dots from (BASE)', () => {
    // Base URI http://a/b/c/d;p?q: each reference merged with /b/c/ gives the path on the left.
    it.each([
      ['/b/c/./g', '/b/c/g'], // "./g"
      ['/b/c/g/', '/b/c/g/'], // "g/"
      ['/./g', '/g'], // "/./g"
      ['/b/c/.', '/b/c/'], // "."
      ['/b/c/./', '/b/c/'], // "./"
      ['/b/c/..', '/b/'], // ".."
      ['/b/c/../', '/b/'], // "../"
      ['/b/c/../g', '/b/g'], // "../g"
      ['/b/c/../..', '/'], // "../.."
      ['/b/c/../../', '/'], // "../../"
      ['/b/c/../../g', '/g'], // "../../g"
      ['/b/c/../../../g', '/g'], // "../../../g": above the root
      ['/b/c/../../../../g', '/g'], // "../../../../g"
      ['/../g', '/g'], // "/../g"
      ['/b/c/g.', '/b/c/g.'], // "g."
      ['/b/c/.g', '/b/c/.g'], // ".g"
      ['/b/c/g..', '/b/c/g..'], // "g.."
      ['/b/c/..g', '/b/c/..g'], // "..g"
      ['/b/c/./../g', '/b/g'], // "./../g"
      ['/b/c/./g/.', '/b/c/g/'], // "./g/."
      ['/b/c/g/./h', '/b/c/g/h'], // "g/./h"
      ['/b/c/g/../h', '/b/c/h'], // "g/../h"
      ['/b/c/g;x=1/./y', '/b/c/g;x=1/y'], // "g;x=1/./y"
      ['/b/c/g;x=1/../y', '/b/c/y'], // "g;x=1/../y"
      ['/a/b/c/./../../g', '/a/g'], // §5.2.4's own example
    ])('%s → %s', (path, expected) => {
      expect(normalizePath(path, 'BASE')).toBe(expected);
    });
  });

  describe('dot segments', () => {
    it.each([
      ['/..', '/'],
      ['/.', '/'],
      ['/../../..', '/'],
      ['/books/../internal/x', '/internal/x'],
      ['/a/./b/../c/', '/a/c/'],
      ['/...', '/...'],
      ['/a/.../b', '/a/.../b'],
      ['/.hidden/x', '/.hidden/x'],
    ])('%s → %s', (path, expected) => {
      expect(normalizePath(path, 'MERGE_SLASHES')).toBe(expected);
    });

    it('decodes %2e before removing dots, so an escaped ".." is removed too', () => {
      expect(normalizePath('/books/%2e%2e/internal/x', 'BASE')).toBe('/internal/x');
      expect(normalizePath('/books/%2E%2E/internal/x', 'BASE')).toBe('/internal/x');
      expect(normalizePath('/books/.%2e/internal', 'BASE')).toBe('/internal');
      expect(normalizePath('/%2e/internal', 'BASE')).toBe('/internal');
    });
  });

  describe('percent-encoding (RFC 3986 §6.2.2.1 and §6.2.2.2)', () => {
    it('decodes escaped unreserved characters, in upper or lower case hex', () => {
      expect(normalizePath('/%69nternal/x', 'BASE')).toBe('/internal/x');
      expect(normalizePath('/%49NTERNAL', 'BASE')).toBe('/INTERNAL');
      expect(normalizePath('/a%2Db%5fc%7Ed%30', 'BASE')).toBe('/a-b_c~d0');
      expect(normalizePath('/a%2db%5Fc%7ed', 'BASE')).toBe('/a-b_c~d');
    });

    it('keeps other escapes as they are, with their hex in upper case', () => {
      expect(normalizePath('/a%20b', 'BASE')).toBe('/a%20b');
      expect(normalizePath('/caf%c3%a9', 'BASE')).toBe('/caf%C3%A9');
      expect(normalizePath('/a%3fb%23c', 'BASE')).toBe('/a%3Fb%23c');
    });

    it('decodes once: an escaped "%" stays escaped', () => {
      expect(normalizePath('/%252e%252e/x', 'DECODE_AND_MERGE_SLASHES')).toBe('/%252e%252e/x');
      expect(normalizePath('/%252E', 'BASE')).toBe('/%252E');
    });

    it.each([['/a%zzb'], ['/a%'], ['/a%0'], ['/a%0g'], ['/%g0'], ['/a%%41']])('rejects the malformed escape in %s', (path) => {
      expect(normalizePath(path, 'BASE')).toEqual(rejected('malformed-escape'));
      expect(normalizePath(path, 'DECODE_AND_MERGE_SLASHES')).toEqual(rejected('malformed-escape'));
    });

    it('rejects an escaped NUL', () => {
      expect(normalizePath('/a%00b', 'MERGE_SLASHES')).toEqual(rejected('encoded-nul'));
    });
  });

  describe('slashes', () => {
    it('BASE keeps repeated slashes; MERGE_SLASHES merges them', () => {
      expect(normalizePath('//internal//x', 'BASE')).toBe('//internal//x');
      expect(normalizePath('//internal//x', 'MERGE_SLASHES')).toBe('/internal/x');
      expect(normalizePath('///', 'MERGE_SLASHES')).toBe('/');
      expect(normalizePath('/a//b//', 'MERGE_SLASHES')).toBe('/a/b/');
    });

    it('keeps a trailing slash', () => {
      expect(normalizePath('/a/', 'MERGE_SLASHES')).toBe('/a/');
      expect(normalizePath('/a//', 'BASE')).toBe('/a//');
      expect(normalizePath('/a/b/.', 'MERGE_SLASHES')).toBe('/a/b/');
    });

    it('turns a backslash into a slash (Envoy normalize_path) in every mode but NONE', () => {
      expect(normalizePath('/a\\b', 'BASE')).toBe('/a/b');
      expect(normalizePath('/books\\..\\internal', 'MERGE_SLASHES')).toBe('/internal');
      expect(normalizePath('/a\\b', 'NONE')).toBe('/a\\b');
    });

    it('decodes %2F and %5C only in DECODE_AND_MERGE_SLASHES', () => {
      expect(normalizePath('/a%2fb', 'MERGE_SLASHES')).toBe('/a%2Fb');
      expect(normalizePath('/a%5cb', 'MERGE_SLASHES')).toBe('/a%5Cb');
      expect(normalizePath('/a%2fb', 'DECODE_AND_MERGE_SLASHES')).toBe('/a/b');
      expect(normalizePath('/a%5Cb', 'DECODE_AND_MERGE_SLASHES')).toBe('/a/b');
      expect(normalizePath('/books%2F..%2F%2Finternal', 'DECODE_AND_MERGE_SLASHES')).toBe('/internal');
    });
  });

  describe('cost and identity', () => {
    it.each<[string, PathNormalization]>([
      ['/', 'MERGE_SLASHES'],
      ['/books/2/reviews', 'MERGE_SLASHES'],
      ['/books/2/reviews/', 'DECODE_AND_MERGE_SLASHES'],
      ['/a//b', 'BASE'],
      ['/a%2Fb', 'MERGE_SLASHES'],
      ['/a.b/..c/.d', 'BASE'],
    ])('returns an already-normal path %s (%s) as the very same string', (path, mode) => {
      expect(normalizePath(path, mode)).toBe(path);
    });

    it('NONE returns the input untouched, whatever it holds', () => {
      for (const path of ['//x', '/./x', '/a/../x', '/%69', '/%zz', '/%00']) expect(normalizePath(path, 'NONE')).toBe(path);
    });

    it('leaves a target that is not an absolute path alone (the proxy refuses those before)', () => {
      expect(normalizePath('*', 'MERGE_SLASHES')).toBe('*');
      expect(normalizePath('', 'MERGE_SLASHES')).toBe('');
    });
  });
});
