import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { comparedConfig, jsonResponder } from './support/json-upstream';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Enough requests for the noise rule's minimum of noise samples, with room to spare. */
const SAMPLES = 30;

describe('shadow diff: live and candidate answers compared per route and mirror', () => {
  const client = createClient();
  const events = recordEvents();
  const closers: { close(): Promise<void> }[] = [];

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close()));
    events.clear();
  });
  afterAll(async () => {
    events.stop();
    await client.close();
  });

  async function upstream(name: string, body: (url: string) => unknown): Promise<Upstream> {
    const started = await startUpstream(name, jsonResponder(body));
    closers.push(started);
    return started;
  }

  async function proxyFor(config: Record<string, unknown>): Promise<ProxyServer> {
    const proxy = await startProxy(config);
    closers.unshift(proxy);
    return proxy;
  }

  async function sendAll(proxy: ProxyServer, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) expect((await client.send(`${proxy.url}/books/1/reviews`)).status).toBe(200);
    await eventually(() => proxy.proxy.stats().diffPending.count === 0 && events.mirror.length >= count);
  }

  const book = () => ({ id: 1, title: 'Dune', reviews: [{ reviewer: 'ann', rating: 5 }] });

  it('finds identical answers identical: 0 % different', async () => {
    const live = await upstream('live', book);
    const candidate = await upstream('candidate', book);
    const proxy = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }));
    await sendAll(proxy, 5);
    const [route] = proxy.proxy.diffReport().routes;
    expect(route).toMatchObject({
      route: 'reviews',
      mirror: 'candidate',
      compared: 5,
      identical: 5,
      different: 0,
      regressions: 0,
      noise: null,
    });
    expect(route?.paths).toEqual([]);
    expect(events.mirror.map((e) => e.diff)).toEqual(Array(5).fill({ result: 'identical' }));
  });

  it('names exactly the renamed field, at 100 %', async () => {
    const live = await upstream('live', book);
    const candidate = await upstream('candidate', () => ({ id: 1, title: 'Dune', reviews: [{ reviewer: 'ann', stars: 5 }] }));
    const proxy = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }));
    await sendAll(proxy, 4);
    const [route] = proxy.proxy.diffReport().routes;
    expect(route).toMatchObject({ compared: 4, identical: 0, different: 4, regressions: 4 });
    expect(route?.paths.map((p) => [p.path, p.kind, p.count, p.rate]).sort()).toEqual([
      ['$.reviews[0].rating', 'removed', 4, 1],
      ['$.reviews[0].stars', 'added', 4, 1],
    ]);
    expect(events.mirror[0]?.diff).toEqual({
      result: 'different',
      paths: expect.arrayContaining(['$.reviews[0].rating', '$.reviews[0].stars']),
    });
  });

  it('calls a field that varies per call noise with a noise cluster, and a difference without one', async () => {
    let calls = 0;
    const varying = () => ({ ...book(), servedAt: `t-${(calls += 1)}` });
    const live = await upstream('live', varying);
    const candidate = await upstream('candidate', varying);
    const live2 = await upstream('live2', varying);
    const withNoise = await proxyFor(
      comparedConfig({ live: live.endpoint, candidate: candidate.endpoint, noise: live2.endpoint }, { noise: { cluster: 'live2' } }),
    );
    await sendAll(withNoise, SAMPLES);
    await eventually(() => live2.received.length === SAMPLES);
    const [noisy] = withNoise.proxy.diffReport().routes;
    expect(noisy?.noise).toEqual({ cluster: 'live2', compared: SAMPLES, different: SAMPLES });
    expect(noisy?.paths).toEqual([
      expect.objectContaining({
        path: '$.servedAt',
        kind: 'value-changed',
        count: SAMPLES,
        rate: 1,
        noiseCount: SAMPLES,
        noiseRate: 1,
        noise: true,
      }),
    ]);

    events.clear();
    const without = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }));
    await sendAll(without, SAMPLES);
    const [plain] = without.proxy.diffReport().routes;
    expect(plain).toMatchObject({ compared: SAMPLES, different: SAMPLES, regressions: SAMPLES, noise: null });
    expect(plain?.paths).toEqual([expect.objectContaining({ path: '$.servedAt', count: SAMPLES, noise: false })]);
  });

  // Counted with the mirror's, the live version's fast, healthy answers halved a faulty candidate's error rate.
  it("counts noise copies apart from the candidate's: the mirror figures are the candidate's alone", async () => {
    const live = await upstream('live', book);
    const candidate = await startUpstream('candidate', (_req, res: ServerResponse) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
    });
    closers.push(candidate);
    const live2 = await upstream('live2', book);
    const proxy = await proxyFor(
      comparedConfig({ live: live.endpoint, candidate: candidate.endpoint, noise: live2.endpoint }, { noise: { cluster: 'live2' } }),
    );
    const stats = createProxyStats({ proxy: proxy.proxy });
    closers.push({ close: async () => stats.close() });
    await sendAll(proxy, 10);
    await eventually(() => stats.snapshot().noise.total === 10);
    const snapshot = stats.snapshot();
    expect(snapshot.mirror.clusters.map((c) => [c.cluster, c.total, c.byCode])).toEqual([['candidate', 10, [{ code: '500', count: 10 }]]]);
    expect(snapshot.noise.clusters.map((c) => [c.cluster, c.total, c.byCode])).toEqual([['live2', 10, [{ code: '200', count: 10 }]]]);
    const metrics = stats.renderPrometheus();
    expect(metrics).toContain('mirrormesh_noise_requests_total{route="reviews",cluster="live2",code="200"} 10');
    expect(metrics).not.toMatch(/mirrormesh_mirror_requests_total\{[^}]*cluster="live2"/);
  });

  it('compares a body over maxBodyBytes on status only', async () => {
    const big = (tag: string) => () => ({ tag, padding: 'x'.repeat(2048) });
    const live = await upstream('live', big('live'));
    const candidate = await upstream('candidate', big('candidate'));
    const proxy = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }, { maxBodyBytes: 1024 }));
    await sendAll(proxy, 3);
    const [route] = proxy.proxy.diffReport().routes;
    expect(route).toMatchObject({ compared: 3, identical: 3, different: 0 });
    expect(proxy.proxy.diffReport().pending).toEqual({ count: 0, bytes: 0, maxCount: 1000, maxBytes: 32 * 1024 * 1024 });
  });

  it('counts a candidate that fails as mirror-failed, never as a comparison', async () => {
    const live = await upstream('live', book);
    const candidate = await startUpstream('candidate', (req) => req.socket.destroy());
    closers.push(candidate);
    const proxy = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }));
    await sendAll(proxy, 2);
    const report = proxy.proxy.diffReport();
    expect(report.routes[0]).toMatchObject({ compared: 0 });
    expect(report.dropped).toEqual([{ route: 'reviews', mirror: 'candidate', reason: 'mirror-failed', count: 2 }]);
    expect(events.mirror.map((e) => e.diff)).toEqual([
      { result: 'skipped', reason: 'mirror-failed' },
      { result: 'skipped', reason: 'mirror-failed' },
    ]);
  });

  it('counts a live answer that broke off as live-failed', async () => {
    const live = await startUpstream('live', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
      setImmediate(() => res.destroy());
    });
    closers.push(live);
    const candidate = await upstream('candidate', book);
    const proxy = await proxyFor(comparedConfig({ live: live.endpoint, candidate: candidate.endpoint }));
    await client.send(`${proxy.url}/books/1/reviews`).catch(() => undefined);
    await eventually(() => proxy.proxy.diffReport().dropped.length === 1 && proxy.proxy.stats().diffPending.count === 0);
    expect(proxy.proxy.diffReport().dropped).toEqual([{ route: 'reviews', mirror: 'candidate', reason: 'live-failed', count: 1 }]);
    expect(proxy.proxy.diffReport().routes[0]?.compared).toBe(0);
  });

  it("ends a comparison whose live answer outlives the mirror's timeout plus the grace, as timeout", async () => {
    const held: ServerResponse[] = [];
    const live = await startUpstream('live', (_req, res) => held.push(res));
    closers.push(live);
    const candidate = await upstream('candidate', book);
    const config = comparedConfig({ live: live.endpoint, candidate: candidate.endpoint });
    (config['routes'] as { mirror: Record<string, unknown> }[])[0]!.mirror['timeout'] = '100ms';
    const proxy = await proxyFor(config);
    const reply = client.send(`${proxy.url}/books/1/reviews`);
    await eventually(() => proxy.proxy.diffReport().dropped.length === 1);
    expect(proxy.proxy.diffReport().dropped).toEqual([{ route: 'reviews', mirror: 'candidate', reason: 'timeout', count: 1 }]);
    expect(proxy.proxy.stats().diffPending).toEqual({ count: 0, bytes: 0 });
    // The live answer still reaches its client whole, later.
    held[0]!.writeHead(200, { 'content-type': 'application/json' }).end('{"late":true}');
    expect((await reply).text).toBe('{"late":true}');
  });

  it('still compares the candidate when the noise copy fails, counting noise-failed', async () => {
    const live = await upstream('live', book);
    const candidate = await upstream('candidate', book);
    const live2 = await startUpstream('live2', (req) => req.socket.destroy());
    closers.push(live2);
    const proxy = await proxyFor(
      comparedConfig({ live: live.endpoint, candidate: candidate.endpoint, noise: live2.endpoint }, { noise: { cluster: 'live2' } }),
    );
    await sendAll(proxy, 2);
    const report = proxy.proxy.diffReport();
    expect(report.routes[0]).toMatchObject({ compared: 2, identical: 2, noise: { cluster: 'live2', compared: 0, different: 0 } });
    expect(report.dropped).toEqual([{ route: 'reviews', mirror: 'candidate', reason: 'noise-failed', count: 2 }]);
  });

  it('lets go of a comparison at once when its copy is never made (mirror-dropped), live still streaming', async () => {
    const held: ServerResponse[] = [];
    const live = await startUpstream('live', (_req, res) => held.push(res));
    closers.push(live);
    const candidate = await upstream('candidate', book);
    const config = comparedConfig({ live: live.endpoint, candidate: candidate.endpoint });
    // A body over the copy's cap: the copy is dropped (body_too_large) before it is sent.
    (config['routes'] as { mirror: Record<string, unknown> }[])[0]!.mirror['maxBodyBytes'] = 0;
    const proxy = await proxyFor(config);
    const reply = client.send(`${proxy.url}/books`, { method: 'POST', body: '{"title":"Dune"}' });
    await eventually(() => held.length === 1);
    expect(proxy.proxy.stats().diffPending).toEqual({ count: 0, bytes: 0 });
    expect(proxy.proxy.diffReport().dropped).toEqual([{ route: 'reviews', mirror: 'candidate', reason: 'mirror-dropped', count: 1 }]);
    held[0]!.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    expect((await reply).status).toBe(200);
    expect(proxy.proxy.stats().diffPending).toEqual({ count: 0, bytes: 0 });
  });
});
