import { parseProxyConfig } from '../config/parse-proxy-config';
import { compileRewrite } from './compile-rewrite';
import { type MatchInput } from './route-matcher';

function rewriteOf(route: Record<string, unknown>): (path: string) => string | undefined {
  const config = parseProxyConfig({
    clusters: [{ name: 'c', endpoints: ['127.0.0.1:1'] }],
    routes: [{ name: 'r', route: [{ destination: { cluster: 'c' } }], ...route }],
  });
  const rewrite = compileRewrite(config.routes[0]!);
  return (path) => {
    const input: MatchInput = { path, method: 'GET', source: { headers: {} }, query: undefined };
    return rewrite?.path?.(input);
  };
}

describe('compileRewrite', () => {
  it('uriRegexRewrite replaces every match, as Envoy regex_rewrite', () => {
    expect(rewriteOf({ uriRegexRewrite: { match: 'one', rewrite: 'two' } })('/xxx/one/yyy/one/zzz')).toBe('/xxx/two/yyy/two/zzz');
  });

  it('reads \\1…\\9 as groups and \\0 as the whole match; a "$" is only a "$"', () => {
    const rewrite = rewriteOf({ uriRegexRewrite: { match: '^/(a+)(b+)$', rewrite: '/\\2-\\1/$1/$&/[\\0]' } });
    expect(rewrite('/aab')).toBe('/b-aa/$1/$&/[/aab]');
  });

  it('keeps a rewritten path absolute', () => {
    expect(rewriteOf({ uriRegexRewrite: { match: '^/v1/', rewrite: '' } })('/v1/books')).toBe('/books');
  });

  it('rewrites nothing for a route without rewrite or with only an authority', () => {
    expect(rewriteOf({})('/x')).toBeUndefined();
    expect(rewriteOf({ rewrite: { authority: 'a' } })('/x')).toBeUndefined();
  });
});
