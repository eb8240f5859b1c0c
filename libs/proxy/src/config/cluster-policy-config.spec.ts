import { parseProxyConfig } from './parse-proxy-config';
import { messageOf } from '../../test/support/config-message';

const route = { name: 'all', route: [{ destination: { cluster: 'books' } }] };
const withCluster = (patch: Record<string, unknown>) => ({
  clusters: [{ name: 'books', endpoints: ['127.0.0.1:8081', '127.0.0.1:8082'], ...patch }],
  routes: [route],
});

describe('cluster traffic policy in the config (DestinationRule terms)', () => {
  it('fills Istio-named outlierDetection defaults once it is configured, and leaves it off otherwise', () => {
    expect(parseProxyConfig(withCluster({})).clusters[0]?.outlierDetection).toBeUndefined();
    expect(parseProxyConfig(withCluster({ outlierDetection: {} })).clusters[0]?.outlierDetection).toEqual({
      consecutive5xxErrors: 5,
      consecutiveGatewayErrors: 0,
      interval: '10s',
      baseEjectionTime: '30s',
      maxEjectionPercent: 10,
    });
  });

  it('moves the old keys into connectionPool, so the config in force names each setting once and parses to itself', () => {
    const once = parseProxyConfig(withCluster({ connections: 2, connectTimeout: '1s', keepAliveTimeout: '2s' }));
    const cluster = once.clusters[0]!;
    expect(cluster).not.toHaveProperty('connections');
    expect(cluster).not.toHaveProperty('keepAliveTimeout');
    expect(cluster.connectionPool).toEqual({
      tcp: { maxConnections: 2, connectTimeout: '1s' },
      http: { http1MaxPendingRequests: 1024, maxRequestsPerConnection: 0, idleTimeout: '2s' },
    });
    expect(parseProxyConfig(once)).toEqual(once);
  });

  it('refuses an alias given together with its connectionPool key, naming both paths', () => {
    expect(
      messageOf(
        withCluster({
          connections: 2,
          keepAliveTimeout: '2s',
          connectionPool: { tcp: { maxConnections: 3 }, http: { idleTimeout: '1s' } },
        }),
      ).split('\n'),
    ).toEqual([
      'clusters[0].connections and clusters[0].connectionPool.tcp.maxConnections are the same setting: give only one',
      'clusters[0].keepAliveTimeout and clusters[0].connectionPool.http.idleTimeout are the same setting: give only one',
    ]);
  });

  it('refuses an outlierDetection that could never eject', () => {
    expect(messageOf(withCluster({ outlierDetection: { consecutive5xxErrors: 0 } }))).toBe(
      'clusters[0].outlierDetection would never eject: set consecutive5xxErrors or consecutiveGatewayErrors above 0',
    );
  });

  it('names the path and the rule of bad values and unknown keys', () => {
    const message = messageOf(
      withCluster({
        connectionPool: { tcp: { maxConnections: 0 }, http: { http1MaxPendingRequests: 2.5, maxRequestPerConnection: 1 } },
        outlierDetection: { baseEjectionTime: '0s', maxEjectionPercent: 101 },
        loadBalancer: { simple: 'LEAST_CONN' },
      }),
    );
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^clusters\[0\]\.connectionPool\.tcp\.maxConnections must be /),
      expect.stringMatching(/^clusters\[0\]\.connectionPool\.http\.http1MaxPendingRequests must be /),
      expect.stringMatching(/^clusters\[0\]\.connectionPool\.http\.maxRequestPerConnection is not a known key/),
      'clusters[0].outlierDetection.baseEjectionTime must be above 0 and at most "1h"',
      expect.stringMatching(/^clusters\[0\]\.outlierDetection\.maxEjectionPercent must be /),
      'clusters[0].loadBalancer.simple must be one of "ROUND_ROBIN", "LEAST_REQUEST", "RANDOM"',
    ]);
  });
});
