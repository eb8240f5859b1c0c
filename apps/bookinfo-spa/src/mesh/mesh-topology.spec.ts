import { parseProxyConfig } from '@mirrormesh/proxy';
import { topologyOf } from './mesh-topology';

const clusters = [
  { name: 'v1', endpoints: ['127.0.0.1:1001'] },
  { name: 'v2', endpoints: ['127.0.0.1:1002'] },
  { name: 'shadow', endpoints: ['127.0.0.1:1003'] },
];

describe('topologyOf', () => {
  it('draws weighted live edges and the mirror with its percentage', () => {
    const config = parseProxyConfig({
      clusters,
      routes: [
        {
          name: 'books',
          route: [
            { destination: { cluster: 'v1' }, weight: 90 },
            { destination: { cluster: 'v2' }, weight: 10 },
          ],
          mirror: { cluster: 'shadow' },
          mirrorPercentage: { value: 25 },
        },
      ],
    });
    expect(topologyOf(config)).toEqual({
      source: 'bookinfo-spa',
      edges: [
        { kind: 'live', cluster: 'v1', percentage: 90 },
        { kind: 'live', cluster: 'v2', percentage: 10 },
        { kind: 'mirror', cluster: 'shadow', percentage: 25 },
      ],
    });
  });

  it('draws an edge for each of a route’s mirrors, each with its own percentage', () => {
    const config = parseProxyConfig({
      clusters,
      routes: [
        {
          name: 'books',
          route: [{ destination: { cluster: 'v1' } }],
          mirrors: [{ cluster: 'shadow', percentage: { value: 40 } }, { cluster: 'v2' }],
        },
      ],
    });
    expect(topologyOf(config).edges).toEqual([
      { kind: 'live', cluster: 'v1', percentage: 100 },
      { kind: 'mirror', cluster: 'shadow', percentage: 40 },
      { kind: 'mirror', cluster: 'v2', percentage: 100 },
    ]);
  });

  it('counts a lone destination as 100 %, mirrors all when no percentage is set, and keeps the largest share per cluster', () => {
    const config = parseProxyConfig({
      clusters,
      routes: [
        { name: 'a', match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { cluster: 'v2' } }] },
        {
          name: 'b',
          route: [
            { destination: { cluster: 'v1' }, weight: 75 },
            { destination: { cluster: 'v2' }, weight: 25 },
          ],
          mirror: { cluster: 'shadow' },
        },
      ],
    });
    expect(topologyOf(config).edges).toEqual([
      { kind: 'live', cluster: 'v2', percentage: 100 },
      { kind: 'live', cluster: 'v1', percentage: 75 },
      { kind: 'mirror', cluster: 'shadow', percentage: 100 },
    ]);
  });

  it('draws no edge for a route that answers a redirect', () => {
    const config = parseProxyConfig({
      clusters,
      routes: [
        { name: 'moved', match: [{ uri: { prefix: '/old' } }], redirect: { uri: '/new' } },
        { name: 'rest', route: [{ destination: { cluster: 'v1' } }] },
      ],
    });
    expect(topologyOf(config).edges).toEqual([{ kind: 'live', cluster: 'v1', percentage: 100 }]);
  });
});
