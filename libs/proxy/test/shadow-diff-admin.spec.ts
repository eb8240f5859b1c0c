import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats, startAdminServer, type AdminServer, type ProxyStats } from '../src';
import { comparedConfig, jsonResponder } from './support/json-upstream';
import { parseSamples, sumOf } from './support/prometheus-samples';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** GET /diff (the contract's JSON) and the diff counters on /metrics, read from a real admin listener. */
describe('shadow diff on the admin API', () => {
  const client = createClient();
  let live: Upstream;
  let candidate: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let admin: AdminServer;
  let adminUrl: string;

  beforeAll(async () => {
    live = await startUpstream(
      'live',
      jsonResponder(() => ({ id: 1, reviews: [{ rating: 5 }] })),
    );
    candidate = await startUpstream(
      'candidate',
      jsonResponder(() => ({ id: 1, reviews: [{ stars: 5 }] })),
    );
    proxy = await startProxy(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }, { ignore: ['date'] }));
    stats = createProxyStats({ proxy: proxy.proxy });
    admin = await startAdminServer({ port: 0, stats, config: () => ({}), ready: () => true, diff: () => proxy.proxy.diffReport() });
    adminUrl = `http://127.0.0.1:${admin.address.port}`;
  });
  afterAll(async () => {
    stats.close();
    await admin.close();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), candidate.close()]);
  });

  it('answers GET /diff with the pending caps, drops and per-route figures', async () => {
    for (let i = 0; i < 3; i += 1) await client.send(`${proxy.url}/books/1/reviews`);
    await eventually(() => proxy.proxy.diffReport().routes[0]?.compared === 3);
    const reply = await client.send(`${adminUrl}/diff`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    const report = JSON.parse(reply.text) as Record<string, unknown>;
    expect(report).toEqual({
      pending: { count: 0, bytes: 0, maxCount: 1000, maxBytes: 33554432 },
      dropped: [],
      routes: [
        expect.objectContaining({
          route: 'reviews',
          mirror: 'candidate',
          compared: 3,
          identical: 0,
          different: 3,
          regressions: 3,
          noise: null,
          pathsOverflow: 0,
          paths: expect.arrayContaining([expect.objectContaining({ path: '$.reviews[0].rating', kind: 'removed', count: 3, rate: 1 })]),
        }),
      ],
    });
  });

  it('exposes the diff counters and the pending gauges on /metrics', async () => {
    const samples = parseSamples((await client.send(`${adminUrl}/metrics`)).text);
    const at = { route: 'reviews', mirror: 'candidate' };
    expect(sumOf(samples, 'mirrormesh_diff_total', { ...at, result: 'different' })).toBe(3);
    expect(sumOf(samples, 'mirrormesh_diff_total', { ...at, result: 'regression' })).toBe(3);
    expect(sumOf(samples, 'mirrormesh_diff_total', { ...at, result: 'identical' })).toBe(0);
    expect(sumOf(samples, 'mirrormesh_diff_paths_total', { ...at, path: '$.reviews[0].rating', kind: 'removed' })).toBe(3);
    expect(sumOf(samples, 'mirrormesh_diff_pending_bytes')).toBe(0);
  });
});
