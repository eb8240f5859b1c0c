import { createProxyStats, startAdminServer, type AdminServer, type ProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('observability: diagnostics_channel events, stats, admin server', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let admin: AdminServer;
  let ready = true;

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await startUpstream('mirror', (_req, res) => {
      res.writeHead(500);
      res.end('mirror broke');
    });
    proxy = await startProxy({ ...liveAndMirror(live.endpoint, mirror.endpoint), admin: { host: '127.0.0.1', port: 0 } });
    stats = createProxyStats({ proxy: proxy.proxy });
    admin = await startAdminServer({ port: 0, stats, config: () => proxy.proxy.config, ready: () => ready });
    await client.send(`${proxy.url}/books/1`, { headers: { 'x-request-id': 'obs-1', 'user-agent': 'jest' } });
    await client.send(`${proxy.url}/missing`.replace('/missing', '/books/2'));
    await eventually(() => events.mirror.length === 2);
  });
  afterAll(async () => {
    events.stop();
    stats.close();
    await admin.close();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('publishes one live and one mirror event per exchange, joined by request id', () => {
    const liveEvent = events.live.find((e) => e.requestId === 'obs-1');
    const mirrorEvent = events.mirror.find((e) => e.requestId === 'obs-1');
    expect(liveEvent).toMatchObject({
      mirror: false,
      route: 'all',
      cluster: 'live',
      status: 200,
      method: 'GET',
      path: '/books/1',
      userAgent: 'jest',
      errorCode: undefined,
    });
    expect(mirrorEvent).toMatchObject({ mirror: true, route: 'all', cluster: 'mirror', status: 500, method: 'GET', path: '/books/1' });
    expect(liveEvent!.durationMs).toBeGreaterThan(0);
  });

  it('binds the admin server to loopback by default', () => {
    expect(admin.address.address).toBe('127.0.0.1');
  });

  it('serves Prometheus text with the promised metric names', async () => {
    const reply = await client.send(`http://127.0.0.1:${admin.address.port}/metrics`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(reply.text).toContain('mirrormesh_requests_total{route="all",cluster="live",code="200"} 2');
    expect(reply.text).toContain('mirrormesh_mirror_requests_total{route="all",cluster="mirror",code="500"} 2');
    expect(reply.text).toMatch(/mirrormesh_request_duration_seconds_bucket\{route="all",cluster="live",le="\+Inf"\} 2/);
    expect(reply.text).toMatch(/mirrormesh_mirror_duration_seconds_count\{route="all",cluster="mirror"\} 2/);
    expect(reply.text).toContain('# TYPE mirrormesh_mirror_dropped_total counter');
    expect(reply.text).toContain('mirrormesh_mirror_inflight{cluster="mirror"} 0');
  });

  it('serves the JSON snapshot, the config in force and health', async () => {
    const base = `http://127.0.0.1:${admin.address.port}`;
    const snapshot = JSON.parse((await client.send(`${base}/stats`)).text);
    expect(snapshot).toMatchObject({ live: { total: 2 }, mirror: { total: 2 } });
    const config = JSON.parse((await client.send(`${base}/config`)).text);
    expect(config.clusters.map((c: { name: string }) => c.name)).toEqual(['live', 'mirror']);
    expect((await client.send(`${base}/health/live`)).status).toBe(200);
    expect((await client.send(`${base}/health/ready`)).status).toBe(200);
    ready = false;
    expect((await client.send(`${base}/health/ready`)).status).toBe(503);
    expect((await client.send(`${base}/nope`)).status).toBe(404);
    expect((await client.send(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('adds each cluster’s sparse latency histogram per role to /stats?histograms=1, and only then', async () => {
    const base = `http://127.0.0.1:${admin.address.port}`;
    expect(JSON.parse((await client.send(`${base}/stats`)).text).histograms).toBeUndefined();
    const { histograms } = JSON.parse((await client.send(`${base}/stats?histograms=1`)).text);
    expect(histograms.live.live.count).toBe(2);
    expect(histograms.mirror.mirror.count).toBe(2);
    const counted = (buckets: [number, number][]) => buckets.reduce((n, [, count]) => n + count, 0);
    expect(counted(histograms.live.live.buckets)).toBe(2);
  });
});
