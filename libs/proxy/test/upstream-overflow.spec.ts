import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

const ONE_CONNECTION_ONE_WAITING = { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } };

describe('regression: excess requests queued until the route timeout instead of failing fast (no circuit breaking)', () => {
  const client = createClient();
  const events = recordEvents();
  const held: ServerResponse[] = [];
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => held.push(res));
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [live.endpoint], connectionPool: ONE_CONNECTION_ONE_WAITING }],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }], timeout: '20s' }],
    });
  });
  afterAll(async () => {
    events.stop();
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await live.close();
  });

  it('answers 503 UPSTREAM_OVERFLOW at once past http1MaxPendingRequests, and serves the ones within it', async () => {
    const stats = createProxyStats({ proxy: proxy.proxy });
    const first = client.send(`${proxy.url}/first`);
    await eventually(() => held.length === 1);
    // One of these two waits for the connection, the other is one too many.
    const [a, b] = [client.send(`${proxy.url}/a`), client.send(`${proxy.url}/b`)];
    const overflow = await Promise.race([a, b]);
    expect(overflow.status).toBe(503);
    expect(JSON.parse(overflow.text)).toMatchObject({ code: 'UPSTREAM_OVERFLOW' });
    // The failing fast is the behaviour: far below the route's 20 s (wide margin for a busy machine).
    expect(overflow.ms).toBeLessThan(5000);
    expect(events.live.find((e) => e.status === 503)).toMatchObject({ cluster: 'live', errorCode: 'UPSTREAM_OVERFLOW', sent: false });
    expect(proxy.proxy.stats().clusters['live']).toMatchObject({ overflowsTotal: 1 });
    expect(stats.renderPrometheus()).toContain('mirrormesh_upstream_overflow_total{cluster="live"} 1');
    stats.close();

    held[0]!.end('first');
    expect((await first).status).toBe(200);
    await eventually(() => held.length === 2);
    held[1]!.end('waited');
    expect((await Promise.all([a, b])).map((r) => r.status).sort()).toEqual([200, 503]);
    expect(live.received).toHaveLength(2);
  });
});

describe('mirror copies waiting for a shared endpoint never make a live request overflow', () => {
  const client = createClient();
  const held: ServerResponse[] = [];
  let upstream: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    upstream = await startUpstream('shared', (_req, res) => held.push(res));
    // Same endpoint and pool settings: live and copies share its one connection.
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [upstream.endpoint], connectionPool: ONE_CONNECTION_ONE_WAITING },
        { name: 'shadow', endpoints: [upstream.endpoint], connectionPool: ONE_CONNECTION_ONE_WAITING },
      ],
      routes: [
        { name: 'hold', match: [{ uri: { exact: '/hold' } }], route: [{ destination: { cluster: 'live' } }] },
        { name: 'mirrored', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'shadow' } },
      ],
    });
  });
  afterAll(async () => {
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await upstream.close();
  });

  it('lets a live request wait behind its own copy, and still refuses the live request past the limit', async () => {
    const hold = client.send(`${proxy.url}/hold`);
    await eventually(() => held.length === 1);
    // Its copy is queued first, then the live request: the copy does not take the one waiting place.
    const mirrored = client.send(`${proxy.url}/mirrored`);
    await eventually(() => proxy.proxy.stats().mirrorInflight['shadow'] === 1);
    const extra = await client.send(`${proxy.url}/extra`);
    expect(extra.status).toBe(503);
    // Each exchange that reaches the upstream is held: answer them as they come (the copy, then the live one).
    held[0]!.end('held');
    await eventually(() => held.length === 2);
    held[1]!.end('next');
    await eventually(() => held.length === 3);
    held[2]!.end('last');
    expect((await hold).status).toBe(200);
    expect((await mirrored).status).toBe(200);
    expect(proxy.proxy.stats().clusters['live']?.overflowsTotal).toBe(1);
  });
});
