import { parseProxyConfig } from './parse-proxy-config';
import { messageOf } from '../../test/support/config-message';

const clusters = [
  { name: 'books', endpoints: ['127.0.0.1:8081'] },
  { name: 'shadow', endpoints: ['127.0.0.1:8082'] },
];
const forward = [{ destination: { cluster: 'books' } }];

// Envoy reads a "0s" route timeout (and undici a connect timeout of 0) as "no timeout": here it
// would have ended every request at once (504 before any upstream was tried), silently.
describe('timeouts are bounded: 0 is refused, not read as "none" or "at once"', () => {
  it('refuses a zero or too long route timeout, naming the route', () => {
    expect(messageOf({ clusters, routes: [{ name: 'r', route: forward, timeout: '0s' }] })).toBe(
      'routes[0].timeout must be above 0 and at most "1h"',
    );
    expect(messageOf({ clusters, routes: [{ name: 'r', route: forward, timeout: '2h' }] })).toBe(
      'routes[0].timeout must be above 0 and at most "1h"',
    );
    expect(parseProxyConfig({ clusters, routes: [{ name: 'r', route: forward, timeout: '1h' }] }).routes[0]?.timeout).toBe('1h');
  });

  it('refuses a zero mirror timeout, in mirror and in mirrors', () => {
    expect(messageOf({ clusters, routes: [{ name: 'r', route: forward, mirror: { cluster: 'shadow', timeout: '0ms' } }] })).toBe(
      'routes[0].mirror.timeout must be above 0 and at most "10m"',
    );
    expect(messageOf({ clusters, routes: [{ name: 'r', route: forward, mirrors: [{ cluster: 'shadow', timeout: '0s' }] }] })).toBe(
      'routes[0].mirrors[0].timeout must be above 0 and at most "10m"',
    );
  });

  it('refuses a zero connect or idle timeout, and their aliases', () => {
    const cluster = (extra: Record<string, unknown>) => ({
      clusters: [{ name: 'books', endpoints: ['127.0.0.1:8081'], ...extra }],
      routes: [{ name: 'r', route: forward }],
    });
    expect(messageOf(cluster({ connectionPool: { tcp: { connectTimeout: '0s' } } }))).toBe(
      'clusters[0].connectionPool.tcp.connectTimeout must be above 0 and at most "5m"',
    );
    expect(messageOf(cluster({ connectTimeout: '0s' }))).toBe('clusters[0].connectTimeout must be above 0 and at most "5m"');
    expect(messageOf(cluster({ connectionPool: { http: { idleTimeout: '0s' } } }))).toBe(
      'clusters[0].connectionPool.http.idleTimeout must be above 0 and at most "1h"',
    );
    expect(messageOf(cluster({ keepAliveTimeout: '0ms' }))).toBe('clusters[0].keepAliveTimeout must be above 0 and at most "1h"');
  });
});
