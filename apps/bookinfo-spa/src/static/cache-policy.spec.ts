import { cacheControlFor, IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from './cache-policy';
import { contentTypeOf, FALLBACK_CONTENT_TYPE } from './content-types';

describe('cache policy and content types', () => {
  it.each([
    ['/assets/index-Dhr6aJ4O.js', IMMUTABLE_CACHE_CONTROL],
    ['/assets/index-Cdn2W943.css', IMMUTABLE_CACHE_CONTROL],
    ['/assets/logo.svg', REVALIDATE_CACHE_CONTROL],
    ['/index.html', REVALIDATE_CACHE_CONTROL],
    ['/app-Dhr6aJ4O.js', REVALIDATE_CACHE_CONTROL],
  ])('%s → %s', (path, expected) => expect(cacheControlFor(path)).toBe(expected));

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/a.JS', 'text/javascript; charset=utf-8'],
    ['/a.css', 'text/css; charset=utf-8'],
    ['/a.svg', 'image/svg+xml'],
    ['/a.woff2', 'font/woff2'],
    ['/a.unknown', FALLBACK_CONTENT_TYPE],
    ['/noextension', FALLBACK_CONTENT_TYPE],
  ])('%s is %s', (path, type) => expect(contentTypeOf(path)).toBe(type));
});
