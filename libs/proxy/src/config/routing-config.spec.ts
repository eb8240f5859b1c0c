import { parseProxyConfig } from './parse-proxy-config';
import { redactConfig, REDACTED } from './redact-config';
import { messageOf } from '../../test/support/config-message';

const clusters = [{ name: 'books', endpoints: ['127.0.0.1:8081'] }];
const forward = [{ destination: { cluster: 'books' } }];
const withRoute = (route: Record<string, unknown>) => ({ clusters, routes: [{ name: 'r', ...route }] });

describe('parseProxyConfig: matching, header operations, rewrite and redirect', () => {
  it('accepts every key, with redirectCode 301 by default', () => {
    const config = parseProxyConfig({
      clusters,
      routes: [
        {
          name: 'all',
          match: [
            {
              uri: { prefix: '/Books' },
              ignoreUriCase: true,
              headers: { 'x-tenant': {} },
              withoutHeaders: { 'x-canary': { exact: 'true' } },
              queryParams: { v: { regex: '[0-9]+' } },
              authority: { exact: 'books.example' },
            },
          ],
          headers: { request: { set: { 'x-a': '1' }, add: { 'x-b': '2' }, remove: ['x-c'] }, response: { remove: ['server'] } },
          rewrite: { uri: '/v1/books', authority: 'books.internal:8080' },
          route: [{ destination: { cluster: 'books' }, headers: { response: { set: { 'x-version': 'v1' } } } }],
        },
        { name: 'moved', redirect: { uri: '/new' } },
      ],
    });
    expect(config.routes[1]?.redirect).toEqual({ uri: '/new', redirectCode: 301 });
  });

  it('refuses a route that both forwards and redirects, or does neither', () => {
    expect(messageOf(withRoute({ route: forward, redirect: { uri: '/x' } }))).toBe(
      'routes[0].redirect must not be set with route: a route either forwards or redirects',
    );
    expect(messageOf(withRoute({}))).toBe('routes[0].route is required unless the route answers a redirect');
  });

  it('refuses beside a redirect what only applies to a forwarded request', () => {
    const message = messageOf(
      withRoute({ redirect: { uri: '/x' }, rewrite: { uri: '/y' }, mirror: { cluster: 'books' }, headers: { request: { remove: ['a'] } } }),
    );
    expect(message).toContain('routes[0].rewrite must not be set with redirect');
    expect(message).toContain('routes[0].mirror must not be set with redirect');
    expect(message).toContain('routes[0].headers.request must not be set with redirect');
  });

  it('refuses rewrite.uri together with uriRegexRewrite', () => {
    expect(messageOf(withRoute({ route: forward, rewrite: { uri: '/a' }, uriRegexRewrite: { match: '^/b', rewrite: '/c' } }))).toBe(
      'routes[0].uriRegexRewrite must not be set with rewrite.uri: a path is rewritten one way',
    );
  });

  it('refuses header operations on host, content-length, x-request-id and hop-by-hop headers, naming the path', () => {
    expect(messageOf(withRoute({ route: forward, headers: { request: { set: { Host: 'x' } } } }))).toBe(
      'routes[0].headers.request.set.Host must not be host: use rewrite.authority',
    );
    expect(messageOf(withRoute({ route: forward, headers: { request: { remove: ['x-request-id'] } } }))).toContain(
      'routes[0].headers.request.remove[0] must not be x-request-id',
    );
    expect(messageOf(withRoute({ route: [{ ...forward[0], headers: { response: { add: { connection: 'close' } } } }] }))).toBe(
      'routes[0].route[0].headers.response.add.connection must not be a hop-by-hop header',
    );
    expect(messageOf(withRoute({ route: forward, headers: { response: { set: { 'content-length': '1' } } } }))).toContain(
      'must not be content-length',
    );
  });

  it('refuses a header set twice under two cases of its name', () => {
    expect(messageOf(withRoute({ route: forward, headers: { request: { set: { 'X-A': '1', 'x-a': '2' } } } }))).toBe(
      'routes[0].headers.request.set must not name "x-a" twice (header names ignore case)',
    );
  });

  it('refuses a header name or value that is not one, and values past the bound', () => {
    expect(messageOf(withRoute({ route: forward, headers: { request: { set: { 'bad name': 'x' } } } }))).toContain(
      'must be an HTTP header name',
    );
    expect(messageOf(withRoute({ route: forward, headers: { request: { set: { 'x-a': 'a\r\nb' } } } }))).toBe(
      'routes[0].headers.request.set["x-a"] must be a header value: no control characters (CR, LF, NUL)',
    );
    expect(messageOf(withRoute({ route: forward, headers: { response: { add: { 'x-a': 'a'.repeat(4097) } } } }))).toContain(
      'routes[0].headers.response.add["x-a"]',
    );
  });

  it('takes {} as "present" for headers only; a uri, authority or query parameter needs one of exact, prefix, regex', () => {
    expect(() => parseProxyConfig(withRoute({ route: forward, match: [{ withoutHeaders: { 'x-a': {} } }] }))).not.toThrow();
    expect(messageOf(withRoute({ route: forward, match: [{ queryParams: { a: {} } }] }))).toBe(
      'routes[0].match[0].queryParams.a must set exactly one of exact, prefix, regex',
    );
    expect(messageOf(withRoute({ route: forward, match: [{ headers: { 'x-a': { exact: 'a', prefix: 'b' } } }] }))).toContain(
      'must set at most one of exact, prefix, regex',
    );
    expect(messageOf(withRoute({ route: forward, match: [{ authority: { regex: '(' } }] }))).toBe(
      'routes[0].match[0].authority.regex must be a valid regular expression',
    );
  });

  it('checks rewrite and redirect values', () => {
    expect(messageOf(withRoute({ route: forward, rewrite: { uri: 'v1' } }))).toContain(
      'routes[0].rewrite.uri must be a path beginning with "/"',
    );
    expect(messageOf(withRoute({ route: forward, rewrite: { authority: 'a b' } }))).toContain(
      'routes[0].rewrite.authority must be host[:port]',
    );
    expect(messageOf(withRoute({ redirect: { redirectCode: 300 } }))).toContain('routes[0].redirect.redirectCode');
    expect(messageOf(withRoute({ redirect: { scheme: 'ftp' } }))).toContain('routes[0].redirect.scheme');
    expect(messageOf(withRoute({ redirect: { port: 0 } }))).toContain('routes[0].redirect.port');
    expect(messageOf(withRoute({ route: forward, rewrite: { uri: '/a', path: '/b' } }))).toContain('routes[0].rewrite.path');
  });

  it('GET /config hides credential values that route and destination header operations set or add', () => {
    const shown = redactConfig(
      parseProxyConfig(
        withRoute({
          headers: { request: { set: { authorization: 'Bearer s3cret' } }, response: { add: { 'set-cookie': 'sid=s3cret' } } },
          route: [{ destination: { cluster: 'books' }, headers: { request: { add: { 'x-api-key': 's3cret', 'x-plain': 'shown' } } } }],
        }),
      ),
    );
    expect(JSON.stringify(shown)).not.toContain('s3cret');
    expect(shown.routes[0]?.headers?.request?.set).toEqual({ authorization: REDACTED });
    expect(shown.routes[0]?.route?.[0]?.headers?.request?.add).toEqual({ 'x-api-key': REDACTED, 'x-plain': 'shown' });
  });
});
