import { parseProxyConfig } from '../config/parse-proxy-config';
import { withRouteWeights } from './route-weights';

describe('withRouteWeights', () => {
  const config = parseProxyConfig({
    clusters: [
      { name: 'v1', endpoints: ['127.0.0.1:8081'] },
      { name: 'v2', endpoints: ['127.0.0.1:8082'] },
    ],
    routes: [
      {
        name: 'books',
        route: [{ destination: { cluster: 'v1' }, headers: { response: { set: { 'x-served-by': 'v1' } } } }],
      },
    ],
  });

  it('gives the route exactly the clusters given, and a destination kept keeps its header operations', () => {
    const changed = parseProxyConfig(withRouteWeights(config, 0, { v1: 50, v2: 50 }));
    expect(changed.routes[0]?.route).toEqual([
      { destination: { cluster: 'v1' }, weight: 50, headers: { response: { set: { 'x-served-by': 'v1' } } } },
      { destination: { cluster: 'v2' }, weight: 50 },
    ]);
  });
});
