import { createProxyStats, type ProxyStats } from '../src';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Sends 200 and the first half of a declared body, then resets the connection. */
const resetMidBody: Parameters<typeof startUpstream>[1] = (_req, res) => {
  res.writeHead(200, { 'content-length': 100 });
  res.write('x'.repeat(50), () => setTimeout(() => res.socket?.destroy(), 20));
};

describe('regression: exchanges that failed after their status line were counted as successes', () => {
  const client = createClient();
  const events = recordEvents();
  let healthy: Upstream;
  let resetting: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;

  beforeAll(async () => {
    healthy = await startUpstream('healthy');
    resetting = await startUpstream('resetting', resetMidBody);
    proxy = await startProxy({
      clusters: [
        { name: 'healthy', endpoints: [healthy.endpoint] },
        { name: 'resetting', endpoints: [resetting.endpoint] },
      ],
      routes: [
        { name: 'live-resets', match: [{ uri: { prefix: '/live' } }], route: [{ destination: { cluster: 'resetting' } }] },
        { name: 'mirror-resets', route: [{ destination: { cluster: 'healthy' } }], mirror: { cluster: 'resetting' } },
      ],
    });
    stats = createProxyStats({ proxy: proxy.proxy });
  });
  afterAll(async () => {
    events.stop();
    stats.close();
    await client.close();
    await proxy.close();
    await Promise.all([healthy.close(), resetting.close()]);
  });

  it('counts a mirror that reset mid-body as upstream_reset, in events, metrics and /stats', async () => {
    expect((await client.send(`${proxy.url}/books/1`)).status).toBe(200);
    await eventually(() => events.mirror.length === 1);
    expect(events.mirror[0]).toMatchObject({ status: 200, errorCode: 'UPSTREAM_RESET', complete: false });
    expect(stats.renderPrometheus()).toContain(
      'mirrormesh_mirror_requests_total{route="mirror-resets",cluster="resetting",code="upstream_reset"} 1',
    );
    expect(stats.renderPrometheus()).not.toContain(
      'mirrormesh_mirror_requests_total{route="mirror-resets",cluster="resetting",code="200"}',
    );
    expect(stats.snapshot().mirror.byCode).toEqual([{ route: 'mirror-resets', cluster: 'resetting', code: 'upstream_reset', count: 1 }]);
  });

  it('counts a live upstream that reset mid-body as upstream_reset (the client saw its connection cut)', async () => {
    await expect(client.send(`${proxy.url}/live/1`)).rejects.toThrow();
    await eventually(() => events.live.some((e) => e.route === 'live-resets'));
    expect(events.live.find((e) => e.route === 'live-resets')).toMatchObject({ status: 200, errorCode: 'UPSTREAM_RESET', complete: false });
    expect(stats.renderPrometheus()).toContain(
      'mirrormesh_requests_total{route="live-resets",cluster="resetting",code="upstream_reset"} 1',
    );
  });
});
