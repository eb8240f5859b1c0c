import { openWebSocket, refusedEndpoint, startWebSocketUpstream, type WebSocketUpstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe("WebSocket upgrades pick their endpoint through the cluster's balancer and feed its outlier detection", () => {
  let a: WebSocketUpstream;
  let b: WebSocketUpstream;
  let proxy: ProxyServer;
  let refused: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([startWebSocketUpstream(), startWebSocketUpstream()]);
    refused = await refusedEndpoint();
    proxy = await startProxy({
      clusters: [
        { name: 'pair', endpoints: [a.endpoint, b.endpoint] },
        {
          name: 'flaky',
          endpoints: [refused, a.endpoint],
          outlierDetection: { consecutiveGatewayErrors: 1, maxEjectionPercent: 50, baseEjectionTime: '1m' },
        },
      ],
      routes: [
        { name: 'flaky', match: [{ uri: { prefix: '/flaky' } }], route: [{ destination: { cluster: 'flaky' } }] },
        { name: 'pair', route: [{ destination: { cluster: 'pair' } }] },
      ],
    });
  });
  afterAll(async () => {
    await proxy.close();
    await Promise.all([a.close(), b.close()]);
  });

  it('spreads upgrades over the endpoints in round robin', async () => {
    for (let i = 0; i < 4; i += 1) {
      const ws = await openWebSocket(proxy.port, `/pair/${i}`);
      expect(ws.status).toBe(101);
      await ws.close();
    }
    expect(a.upgrades).toHaveLength(2);
    expect(b.upgrades).toHaveLength(2);
  });

  it('counts a refused connect as a gateway error, ejects the endpoint, and skips it for the next upgrades', async () => {
    const first = await openWebSocket(proxy.port, '/flaky/0');
    expect(first.status).toBe(502);
    expect(await first.body()).toContain('"code":"UPSTREAM_REFUSED"');
    expect(proxy.proxy.stats().clusters['flaky']).toEqual({ ejectionsTotal: 1, ejectedEndpoints: 1, overflowsTotal: 0 });
    const before = a.upgrades.length;
    for (let i = 1; i <= 3; i += 1) {
      const ws = await openWebSocket(proxy.port, `/flaky/${i}`);
      expect(ws.status).toBe(101);
      await ws.close();
    }
    expect(a.upgrades.length - before).toBe(3);
  });
});
