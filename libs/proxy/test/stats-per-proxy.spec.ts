import { createProxy, createProxyStats, ProxyConfigError, type ProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

const LIVE_DELAY_MS = 20;
const MIRROR_DELAY_MS = 60;

/** Nearest-rank quantile of exact values. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

describe('stats per proxy, per cluster, with accurate percentiles', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let first: ProxyServer;
  let second: ProxyServer;
  let firstStats: ProxyStats;
  let secondStats: ProxyStats;

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => setTimeout(() => res.end('live'), LIVE_DELAY_MS));
    mirror = await startUpstream('mirror', (_req, res) => setTimeout(() => res.end('mirror'), MIRROR_DELAY_MS));
    const config = liveAndMirror(live.endpoint, mirror.endpoint, { match: [{ uri: { prefix: '/books' } }] });
    first = await startProxy(config, { name: 'first', closeGraceMs: 500 });
    second = await startProxy(config, { name: 'second', closeGraceMs: 500 });
    firstStats = createProxyStats({ proxy: first.proxy });
    secondStats = createProxyStats({ proxy: second.proxy });
  });
  afterAll(async () => {
    events.stop();
    firstStats.close();
    secondStats.close();
    await client.close();
    await Promise.all([first.close(), second.close()]);
    await Promise.all([live.close(), mirror.close()]);
  });

  it('two proxies in one process keep separate stats', async () => {
    for (let i = 0; i < 3; i += 1) expect((await client.send(`${first.url}/books/${i}`)).status).toBe(200);
    for (let i = 0; i < 7; i += 1) expect((await client.send(`${second.url}/books/${i}`)).status).toBe(200);
    await eventually(() => events.mirror.length === 10);
    expect(first.proxy.id).toMatch(/^first-\d+$/);
    expect(new Set(events.live.map((e) => e.proxyId))).toEqual(new Set([first.proxy.id, second.proxy.id]));
    const a = firstStats.snapshot();
    const b = secondStats.snapshot();
    expect(a).toMatchObject({ proxyId: first.proxy.id, live: { total: 3 }, mirror: { total: 3 } });
    expect(b).toMatchObject({ proxyId: second.proxy.id, live: { total: 7 }, mirror: { total: 7 } });
    expect(a.live.clusters).toEqual([expect.objectContaining({ cluster: 'live', total: 3, byCode: [{ code: '200', count: 3 }] })]);
    expect(b.mirror.clusters).toEqual([expect.objectContaining({ cluster: 'mirror', total: 7, byCode: [{ code: '200', count: 7 }] })]);
    expect(firstStats.renderPrometheus()).toContain('mirrormesh_requests_total{route="all",cluster="live",code="200"} 3');
  });

  it('local 404s do not skew live durations', async () => {
    const before = firstStats.snapshot();
    const liveBefore = before.live.clusters[0]?.duration;
    for (let i = 0; i < 200; i += 1) expect((await client.send(`${first.url}/nowhere/${i}`)).status).toBe(404);
    const after = firstStats.snapshot();
    expect(after.live).toEqual(before.live);
    expect(after.live.duration.p50Ms).toBeGreaterThanOrEqual(LIVE_DELAY_MS);
    expect(liveBefore?.p50Ms).toBeGreaterThanOrEqual(LIVE_DELAY_MS);
    expect(after.local).toMatchObject({ total: before.local.total + 200, byCode: [{ route: '', cluster: '', code: '404', count: 200 }] });
    expect(after.local.duration.p50Ms).toBeLessThan(LIVE_DELAY_MS);
  });

  it('reports p50/p95/p99 per cluster within 0.8 % of the exact durations, not a bucket bound', async () => {
    const third = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint), { name: 'third', closeGraceMs: 500 });
    const stats = createProxyStats({ proxy: third.proxy });
    try {
      // In waves of 10 at once: they queue on the upstreams, which spreads the durations.
      for (let wave = 0; wave < 5; wave += 1)
        await Promise.all(Array.from({ length: 10 }, (_, i) => client.send(`${third.url}/w/${wave}/${i}`)));
      const mine = (mirrorRole: boolean) => () =>
        [...events.live, ...events.mirror].filter((e) => e.proxyId === third.proxy.id && e.mirror === mirrorRole);
      await eventually(() => mine(true)().length === 50);
      const snapshot = stats.snapshot();
      for (const [role, exchanges] of [
        ['live', mine(false)()],
        ['mirror', mine(true)()],
      ] as const) {
        const durations = exchanges.map((e) => e.durationMs);
        const figures = snapshot[role].clusters[0]?.duration;
        expect(figures?.count).toBe(50);
        for (const [q, field] of [
          [0.5, 'p50Ms'],
          [0.95, 'p95Ms'],
          [0.99, 'p99Ms'],
        ] as const) {
          const exact = exactQuantile(durations, q);
          expect(Math.abs((figures?.[field] ?? 0) - exact)).toBeLessThanOrEqual(exact / 128 + 0.001);
        }
      }
    } finally {
      stats.close();
      await third.close();
    }
  });

  it('names proxies uniquely and refuses a bad name with a clear error', async () => {
    const config = liveAndMirror(live.endpoint);
    const [a, b] = [createProxy(config, { name: 'twin' }), createProxy(config, { name: 'twin' })];
    expect(a.id).not.toBe(b.id);
    expect(createProxy(config).id).toMatch(/^proxy-\d+$/);
    expect(() => createProxy(config, { name: 'has space' })).toThrow(ProxyConfigError);
    expect(() => createProxy(config, { name: '' })).toThrow('options.name must be 1 to 64 letters, digits, ".", "_" or "-"');
    await Promise.all([a.close(), b.close()]);
  });
});
