import { createClient, eventually, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats, type ProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { liveAndMirrors, startProxy, type ProxyServer } from './support/proxy-server';

/**
 * Each copy is its own exchange: a hung or dead mirror costs its own cluster slots, drops
 * and figures, never a neighbour's copies, and never live.
 */
describe('mirrors: one slow or dead mirror never affects another, nor live', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let healthy: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  const closers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    healthy = await startUpstream('healthy');
  });
  afterEach(async () => {
    stats.close();
    await Promise.all(closers.splice(0).map((c) => c.close()));
    healthy.received.length = 0;
    live.received.length = 0;
    events.clear();
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await Promise.all([live.close(), healthy.close()]);
  });

  async function withBroken(broken: string, options: { clock?: () => number } = {}) {
    const config = liveAndMirrors(
      live.endpoint,
      { broken, healthy: healthy.endpoint },
      [{ cluster: 'broken' }, { cluster: 'healthy', timeout: '30s' }],
      { clusters: { broken: { maxMirrorInflight: 5 } } },
    );
    proxy = await startProxy(config, { closeGraceMs: 500, ...options });
    stats = createProxyStats({ proxy: proxy.proxy });
    closers.push(proxy);
  }

  /** The healthy mirror's figures: every copy answered 200, none dropped, nothing left in flight. */
  async function expectHealthyUntouched(total: number) {
    await eventually(
      () => healthy.received.length === total && events.mirror.filter((e) => e.cluster === 'healthy').length === total,
      10_000,
    );
    const snapshot = stats.snapshot();
    expect(snapshot.mirror.clusters.find((c) => c.cluster === 'healthy')).toMatchObject({
      total,
      byCode: [{ code: '200', count: total }],
      duration: { count: total },
    });
    expect(snapshot.dropped.filter((d) => d.cluster === 'healthy')).toEqual([]);
    await eventually(() => proxy.proxy.stats().mirrorInflight['healthy'] === 0);
    expect(live.received).toHaveLength(total);
  }

  it('a hung mirror fills its own in-flight cap; the other mirror gets every copy and live every answer', async () => {
    const hung = await startUpstream('hung', () => undefined);
    closers.push(hung);
    await withBroken(hung.endpoint);
    // Sequential on one client: were live or the healthy copy waiting on the hung one, this would hang.
    for (let i = 0; i < 20; i += 1) {
      const reply = await client.send(`${proxy.url}/books/${i}`, {
        method: i % 2 === 0 ? 'GET' : 'POST',
        body: i % 2 === 0 ? undefined : 'p',
      });
      expect(reply.status).toBe(200);
    }
    await expectHealthyUntouched(20);
    await eventually(() => hung.received.length === 5);
    expect(proxy.proxy.stats().mirrorInflight).toEqual({ broken: 5, healthy: 0 });
    expect(stats.snapshot().dropped).toEqual([{ route: 'all', cluster: 'broken', reason: 'inflight_cap', count: 15 }]);
    expect(stats.snapshot().mirror.clusters.map((c) => c.cluster)).toEqual(['healthy']);
  });

  it('a dead mirror opens its own breaker only; the other mirror keeps every copy', async () => {
    // A clock that never moves keeps the dead cluster's breaker open however slow the machine.
    await withBroken(await refusedEndpoint(), { clock: () => 0 });
    for (let i = 0; i < 20; i += 1) expect((await client.send(`${proxy.url}/books/${i}`)).status).toBe(200);
    await expectHealthyUntouched(20);
    const broken = () => events.mirror.filter((e) => e.cluster === 'broken').length;
    const unreachable = () => events.dropped.filter((d) => d.cluster === 'broken' && d.reason === 'unreachable').length;
    await eventually(() => broken() + unreachable() === 20);
    expect(unreachable()).toBeGreaterThan(0);
    expect(events.mirror.filter((e) => e.cluster === 'broken').every((e) => e.errorCode === 'UPSTREAM_REFUSED')).toBe(true);
    expect(events.dropped.every((d) => d.cluster === 'broken')).toBe(true);
  });
});
