import { parseProxyConfig } from '../config/parse-proxy-config';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { compileMirrors } from './compile-mirror';

const clusters = [
  { name: 'live', endpoints: ['127.0.0.1:1'] },
  { name: 'a', endpoints: ['127.0.0.1:2'], maxMirrorInflight: 7 },
  { name: 'b', endpoints: ['127.0.0.1:3'] },
];

function compiled(route: Record<string, unknown>) {
  const config = parseProxyConfig({ clusters, routes: [{ name: 'r', route: [{ destination: { cluster: 'live' } }], ...route }] });
  const caps = new Map(config.clusters.map((c) => [c.name, c.maxMirrorInflight]));
  // Only the cluster's identity matters here; the request path reads the rest.
  return compileMirrors(
    config.routes[0]!,
    (name) => ({ name }) as ClusterEndpoints,
    (name) => caps.get(name) ?? 0,
  );
}

describe('compileMirrors', () => {
  it('compiles mirror + mirrorPercentage to the same one-entry list as mirrors', () => {
    const options = {
      cluster: 'a',
      headers: { request: { set: { 'X-Shadow': '1' }, remove: ['x-debug'] } },
      methods: ['GET'],
      timeout: '2s',
    };
    const shorthand = compiled({ mirror: options, mirrorPercentage: { value: 25 } });
    expect(shorthand).toEqual(compiled({ mirrors: [{ ...options, percentage: { value: 25 } }] }));
    expect(shorthand).toHaveLength(1);
    expect(shorthand[0]).toMatchObject({ percentage: 25, timeoutMs: 2000, maxInflight: 7, set: [['x-shadow', '1']] });
    expect(shorthand[0]?.drop.has('x-debug')).toBe(true);
    expect(shorthand[0]?.drop.has('authorization')).toBe(true);
  });

  it('keeps the order written, each mirror with its own percentage (100 when not given) and cap', () => {
    const mirrors = compiled({ mirrors: [{ cluster: 'b', percentage: { value: 5 } }, { cluster: 'a' }] });
    expect(mirrors.map((m) => [m.cluster.name, m.percentage, m.maxInflight])).toEqual([
      ['b', 5, 1000],
      ['a', 100, 7],
    ]);
    expect(compiled({ mirror: { cluster: 'a' } })[0]?.percentage).toBe(100);
  });

  it('gives every route without mirrors one shared empty list', () => {
    const none = compiled({});
    expect(none).toHaveLength(0);
    expect(compiled({})).toBe(none);
  });
});
