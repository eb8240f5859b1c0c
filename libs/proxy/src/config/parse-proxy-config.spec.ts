import { parseProxyConfig } from './parse-proxy-config';
import { messageOf } from '../../test/support/config-message';

const valid = {
  clusters: [
    { name: 'bookservice', endpoints: ['127.0.0.1:8081'] },
    { name: 'bookservicemirror', endpoints: ['127.0.0.1:8082'] },
  ],
  routes: [
    {
      name: 'books',
      match: [{ uri: { prefix: '/' } }],
      route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
      mirror: { cluster: 'bookservicemirror' },
      mirrorPercentage: { value: 100 },
    },
  ],
};

const withRoute = (patch: Record<string, unknown>) => ({ ...valid, routes: [{ ...valid.routes[0], ...patch }] });

describe('parseProxyConfig', () => {
  it('accepts the issue example and applies the named defaults', () => {
    const config = parseProxyConfig(valid);
    expect(config.listener).toEqual({ host: '0.0.0.0', port: 15001, requestHeadersTimeout: '10s', requestBodyIdleTimeout: '10s' });
    expect(config.limits).toEqual({
      requestBufferBytes: 65536,
      requestBufferTotalBytes: 33554432,
      mirrorBufferBytes: 67108864,
      websocketConnections: 10000,
      diffPendingComparisons: 1000,
      diffPendingBytes: 33554432,
    });
    expect(config.admin).toEqual({ host: '127.0.0.1', port: 15000 });
    expect(config.clusters[0]).toMatchObject({
      connectionPool: {
        tcp: { maxConnections: 64, connectTimeout: '5s' },
        http: { http1MaxPendingRequests: 1024, maxRequestsPerConnection: 0, idleTimeout: '4s' },
      },
      loadBalancer: { simple: 'ROUND_ROBIN' },
      maxMirrorInflight: 1000,
    });
    expect(config.clusters[0]?.outlierDetection).toBeUndefined();
    expect(config.routes[0]?.mirror).toMatchObject({ shadowHostSuffix: true, maxBodyBytes: 1048576, timeout: '10s' });
    expect(config.routes[0]?.timeout).toBe('15s');
  });

  it('is idempotent: a parsed config parses to itself', () => {
    const once = parseProxyConfig(valid);
    expect(parseProxyConfig(once)).toEqual(once);
  });

  it('names an undefined mirror cluster with its path', () => {
    expect(messageOf(withRoute({ mirror: { cluster: 'x' } }))).toBe('routes[0].mirror.cluster "x" is not a defined cluster');
  });

  it('names an undefined destination cluster', () => {
    expect(messageOf(withRoute({ route: [{ destination: { cluster: 'nope' } }] }))).toBe(
      'routes[0].route[0].destination.cluster "nope" is not a defined cluster',
    );
  });

  it('requires weights adding up to 100 when a route has several destinations', () => {
    const twoWays = [
      { destination: { cluster: 'bookservice' }, weight: 70 },
      { destination: { cluster: 'bookservicemirror' }, weight: 20 },
    ];
    expect(messageOf(withRoute({ route: twoWays }))).toBe('routes[0].route weights must add up to 100 (got 90)');
  });

  it('bounds the listener and the proxy-wide buffers, naming the path and the rule', () => {
    expect(messageOf({ ...valid, listener: { requestHeadersTimeout: '10m' } })).toBe('listener.requestHeadersTimeout must be at most "5m"');
    expect(messageOf({ ...valid, limits: { mirrorBufferBytes: -1 } })).toMatch(/^limits\.mirrorBufferBytes must be /);
  });

  it('rejects duplicate names', () => {
    expect(messageOf({ ...valid, clusters: [...valid.clusters, valid.clusters[0]] })).toBe(
      'clusters[2].name "bookservice" is defined twice',
    );
  });

  it('explains the rules of ranges, durations, endpoints, regexes and unknown keys', () => {
    const message = messageOf({
      ...valid,
      clusters: [{ name: 'bookservice', endpoints: ['localhost'] }, valid.clusters[1]],
      routes: [
        {
          ...valid.routes[0],
          mirrorPercentage: { value: 120 },
          timeout: '10 seconds',
          match: [{ uri: { regex: '(' } }],
          mirrorPercentge: 5,
        },
      ],
    });
    expect(message.split('\n')).toEqual([
      'clusters[0].endpoints[0] must be host:port, e.g. "127.0.0.1:8081"',
      'routes[0].match[0].uri.regex must be a valid regular expression',
      'routes[0].mirrorPercentage.value must be a number between 0 and 100',
      'routes[0].timeout must be a duration such as "250ms", "10s" or "1m"',
      'routes[0].mirrorPercentge is not a known key (expected one of: name, match, route, redirect, rewrite, uriRegexRewrite, headers, mirror, mirrorPercentage, mirrors, timeout, retries, fault, websocket)',
    ]);
  });

  it('requires exactly one of exact, prefix, regex in a string match', () => {
    expect(messageOf(withRoute({ match: [{ uri: { prefix: '/', exact: '/a' } }] }))).toBe(
      'routes[0].match[0].uri must set exactly one of exact, prefix, regex',
    );
  });

  it('names unknown retryOn conditions', () => {
    expect(messageOf(withRoute({ retries: { attempts: 2, retryOn: '5xx,sometimes' } }))).toBe(
      'routes[0].retries.retryOn must be a comma-separated list of 5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx, retriable-status-codes or status codes (200–599) (unknown: sometimes)',
    );
  });

  it('fills a route websocket block with its defaults, bounds the idle timeout and refuses unknown keys', () => {
    expect(parseProxyConfig(withRoute({ websocket: {} })).routes[0]?.websocket).toEqual({ enabled: true, idleTimeout: '5m' });
    expect(messageOf(withRoute({ websocket: { idleTimeout: '25h' } }))).toBe(
      'routes[0].websocket.idleTimeout must be between "1ms" and "24h"',
    );
    expect(messageOf(withRoute({ websocket: { idleTimeout: '0s' } }))).toBe(
      'routes[0].websocket.idleTimeout must be between "1ms" and "24h"',
    );
    expect(messageOf(withRoute({ websocket: { upgradeType: 'websocket' } }))).toMatch(/^routes\[0\]\.websocket\.upgradeType /);
  });

  describe('mirrors (Istio HTTPMirrorPolicy)', () => {
    const clusters = [...valid.clusters, { name: 'canary', endpoints: ['127.0.0.1:8083'] }];
    const mirrorsRoute = (mirrors: unknown, patch: Record<string, unknown> = {}) => {
      const { mirror: _mirror, mirrorPercentage: _percentage, ...route } = valid.routes[0]!;
      return { ...valid, clusters, routes: [{ ...route, mirrors, ...patch }] };
    };

    it('gives each mirror every option of mirror, with the same defaults, and a percentage of 100', () => {
      const config = parseProxyConfig(mirrorsRoute([{ cluster: 'bookservicemirror' }, { cluster: 'canary', percentage: { value: 5 } }]));
      const [first, second] = config.routes[0]?.mirrors ?? [];
      expect(first).toEqual({
        cluster: 'bookservicemirror',
        shadowHostSuffix: true,
        forwardCredentials: false,
        maxBodyBytes: 1048576,
        timeout: '10s',
        percentage: { value: 100 },
      });
      expect(second?.percentage).toEqual({ value: 5 });
      expect(parseProxyConfig(config)).toEqual(config);
    });

    it('refuses mirror and mirrors together, naming both', () => {
      expect(messageOf(mirrorsRoute([{ cluster: 'canary' }], { mirror: { cluster: 'bookservicemirror' } }))).toBe(
        'routes[0].mirrors cannot be given with routes[0].mirror (mirror is the shorthand of a one-entry mirrors)',
      );
    });

    it('refuses mirrorPercentage beside mirrors: each mirror has its own', () => {
      expect(messageOf(mirrorsRoute([{ cluster: 'canary' }], { mirrorPercentage: { value: 10 } }))).toBe(
        'routes[0].mirrorPercentage applies to mirror only: give each of routes[0].mirrors its own percentage',
      );
    });

    it('refuses mirrorPercentage without a mirror (a missing or misspelt mirror copies nothing)', () => {
      const { mirror: _mirror, ...route } = valid.routes[0]!;
      expect(messageOf({ ...valid, routes: [route] })).toBe('routes[0].mirrorPercentage applies to routes[0].mirror, which is not given');
    });

    it('refuses a cluster named twice, and an undefined one, with the path of the entry', () => {
      expect(
        messageOf(mirrorsRoute([{ cluster: 'canary' }, { cluster: 'ghost' }, { cluster: 'canary', timeout: '1s' }])).split('\n'),
      ).toEqual([
        'routes[0].mirrors[1].cluster "ghost" is not a defined cluster',
        'routes[0].mirrors[2].cluster "canary" is named twice in this route\'s mirrors',
      ]);
    });

    it('checks each entry like mirror, refuses unknown keys and bounds the list', () => {
      expect(messageOf(mirrorsRoute([{ cluster: 'canary', percentage: { value: 101 }, mirrorPercentage: 5 }])).split('\n')).toEqual([
        'routes[0].mirrors[0].percentage.value must be a number between 0 and 100',
        'routes[0].mirrors[0].mirrorPercentage is not a known key (expected one of: cluster, shadowHostSuffix, forwardCredentials, headers, methods, maxBodyBytes, timeout, compare, percentage)',
      ]);
      expect(messageOf(mirrorsRoute([]))).toBe('routes[0].mirrors must have at least one item');
      const nine = Array.from({ length: 9 }, () => ({ cluster: 'canary' }));
      expect(messageOf(mirrorsRoute(nine))).toBe('routes[0].mirrors must have at most 8 items');
    });
  });

  it("takes Istio's bare status codes in retryOn and applies the retries defaults", () => {
    const config = parseProxyConfig(withRoute({ retries: { attempts: 2, retryOn: 'connect-failure,503' } }));
    expect(config.routes[0]?.retries).toEqual({ attempts: 2, retryOn: 'connect-failure,503', retryNonIdempotent: false });
    expect(parseProxyConfig(withRoute({ retries: { attempts: 1 } })).routes[0]?.retries?.retryOn).toBe(
      'connect-failure,refused-stream,reset,gateway-error',
    );
  });

  it('refuses a perTryTimeout longer than the route timeout, or zero, naming the path', () => {
    expect(messageOf(withRoute({ timeout: '1s', retries: { attempts: 2, perTryTimeout: '2s' } }))).toBe(
      "routes[0].retries.perTryTimeout must be at most the route's timeout (1s): a longer one never fires",
    );
    expect(messageOf(withRoute({ retries: { attempts: 2, perTryTimeout: '0ms' } }))).toBe(
      'routes[0].retries.perTryTimeout must be at least "1ms"',
    );
  });

  it('refuses unknown retries keys and a non-boolean retryNonIdempotent', () => {
    expect(messageOf(withRoute({ retries: { attempts: 2, retryNonIdempotent: 'yes', retryRemote: true } })).split('\n')).toEqual([
      'routes[0].retries.retryNonIdempotent must be a boolean (got a string)',
      'routes[0].retries.retryRemote is not a known key (expected one of: attempts, perTryTimeout, retryOn, retryNonIdempotent)',
    ]);
  });

  it('says what the whole config must be', () => {
    expect(messageOf(null)).toBe('config must be an object (got null)');
  });
});
