import { createClient, eventually, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats, type ProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

const route = (cluster: string, extra: Record<string, unknown> = {}) => ({ name: 'all', route: [{ destination: { cluster } }], ...extra });

describe('regression: with one dead endpoint of two, half the requests failed forever (no outlier ejection)', () => {
  const client = createClient();
  // Ejections run on this clock: a busy machine cannot end one early.
  let nowMs = 0;
  let live: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;

  beforeAll(async () => {
    live = await startUpstream('live');
    const endpoints = [live.endpoint, await refusedEndpoint()];
    proxy = await startProxy(
      { clusters: [{ name: 'live', endpoints, outlierDetection: { consecutive5xxErrors: 3 } }], routes: [route('live')] },
      { closeGraceMs: 500, clock: () => nowMs },
    );
    stats = createProxyStats({ proxy: proxy.proxy });
  });
  afterAll(async () => {
    stats.close();
    await client.close();
    await proxy.close();
    await live.close();
  });

  const statuses = async (count: number) => {
    const out: number[] = [];
    for (let i = 0; i < count; i += 1) out.push((await client.send(`${proxy.url}/books/${i}`)).status);
    return out;
  };

  it('ejects the dead endpoint after consecutive5xxErrors connect failures; every later request succeeds', async () => {
    const first = await statuses(20);
    expect(first.filter((s) => s === 502)).toHaveLength(3);
    expect(first.slice(6)).toEqual(Array(14).fill(200));
    expect(proxy.proxy.stats().clusters['live']).toEqual({ ejectionsTotal: 1, ejectedEndpoints: 1, overflowsTotal: 0 });
    expect(stats.snapshot().clusterPolicy?.['live']).toMatchObject({ ejectionsTotal: 1, ejectedEndpoints: 1 });
    const metrics = stats.renderPrometheus();
    expect(metrics).toContain('mirrormesh_outlier_ejections_total{cluster="live"} 1');
    expect(metrics).toContain('mirrormesh_outlier_ejected_endpoints{cluster="live"} 1');
  });

  it('takes it back after baseEjectionTime, and ejects it again for twice as long', async () => {
    nowMs += 30_000;
    expect(proxy.proxy.stats().clusters['live']?.ejectedEndpoints).toBe(0);
    expect((await statuses(10)).filter((s) => s === 502)).toHaveLength(3);
    expect(proxy.proxy.stats().clusters['live']).toMatchObject({ ejectionsTotal: 2, ejectedEndpoints: 1 });
    nowMs += 30_000;
    expect(await statuses(6)).toEqual(Array(6).fill(200));
    nowMs += 30_000;
    expect((await statuses(10)).filter((s) => s === 502)).toHaveLength(3);
  });

  it('keeps ejections and counters across a reload that still lists the endpoint', async () => {
    proxy.proxy.reload(proxy.proxy.config);
    expect(proxy.proxy.stats().clusters['live']).toEqual({ ejectionsTotal: 3, ejectedEndpoints: 1, overflowsTotal: 0 });
    expect(await statuses(6)).toEqual(Array(6).fill(200));
  });
});

describe('outlier detection counts 5xx answers, and a mirror cluster learns only from its own copies', () => {
  const client = createClient();
  const events = recordEvents();
  let good: Upstream;
  let failing: Upstream;
  let candidate: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    good = await startUpstream('good');
    failing = await startUpstream('failing', (_req, res) => {
      res.writeHead(500);
      res.end('broken');
    });
    candidate = await startUpstream('candidate');
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [good.endpoint, failing.endpoint], outlierDetection: { consecutive5xxErrors: 2 } },
        { name: 'shadow', endpoints: [await refusedEndpoint(), candidate.endpoint], outlierDetection: { consecutive5xxErrors: 2 } },
      ],
      routes: [route('live', { mirror: { cluster: 'shadow' } })],
    });
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await good.close();
    await failing.close();
    await candidate.close();
  });

  it('ejects the endpoint answering 500 from the live cluster and the refusing one from the mirror cluster, each on its own', async () => {
    events.clear();
    for (let i = 0; i < 12; i += 1) await client.send(`${proxy.url}/r/${i}`);
    await eventually(() => events.mirror.length === 12);
    expect(failing.received).toHaveLength(2);
    expect(events.live.map((e) => e.status).slice(4)).toEqual(Array(8).fill(200));
    // Copies are fire-and-forget: one may start before the previous one's failure is known.
    expect(events.mirror.map((e) => e.status).slice(-4)).toEqual(Array(4).fill(200));
    expect(proxy.proxy.stats().clusters).toEqual({
      live: { ejectionsTotal: 1, ejectedEndpoints: 1, overflowsTotal: 0 },
      shadow: { ejectionsTotal: 1, ejectedEndpoints: 1, overflowsTotal: 0 },
    });
  });
});
