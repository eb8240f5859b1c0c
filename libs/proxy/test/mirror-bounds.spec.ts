import { type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('mirror bounds: in-flight cap and body cap cost the live request nothing', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    // The mirror holds every answer until released: requests pile up in flight.
    mirror = await startUpstream('mirror', (_req, res) => held.push(res));
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        { name: 'mirror', endpoints: [mirror.endpoint], maxMirrorInflight: 5, connections: 10 },
      ],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'mirror', maxBodyBytes: 1000 } }],
    });
  });
  beforeEach(() => events.clear());
  afterEach(() => held.splice(0).forEach((res) => res.end()));
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('drops and counts copies over the per-cluster in-flight cap', async () => {
    const stats = createProxyStats({ proxy: proxy.proxy });
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => client.send(`${proxy.url}/b/${i}`)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(events.dropped.filter((d) => d.reason === 'inflight_cap')).toHaveLength(15);
    expect(proxy.proxy.stats().mirrorInflight).toEqual({ mirror: 5 });
    const metrics = stats.renderPrometheus();
    stats.close();
    expect(metrics).toContain('mirrormesh_mirror_dropped_total{route="all",cluster="mirror",reason="inflight_cap"} 15');
    expect(metrics).toContain('mirrormesh_mirror_inflight{cluster="mirror"} 5');
    await eventually(() => held.length === 5);
    held.splice(0).forEach((res) => res.end());
    await eventually(() => proxy.proxy.stats().mirrorInflight.mirror === 0);
    expect(events.mirror.filter((m) => m.status === 200)).toHaveLength(5);
  });

  it('does not start a copy of a body declared larger than maxBodyBytes', async () => {
    const reply = await client.send(`${proxy.url}/big`, { method: 'POST', body: Buffer.alloc(5000, 1) });
    expect(reply.status).toBe(200);
    expect(live.received.at(-1)?.body.length).toBe(5000);
    expect(events.dropped).toEqual([expect.objectContaining({ reason: 'body_too_large', cluster: 'mirror' })]);
  });

  it('aborts only the copy when a streamed body grows past maxBodyBytes', async () => {
    const before = mirror.received.length;
    const body = Readable.from([Buffer.alloc(800, 1), Buffer.alloc(800, 2), Buffer.alloc(800, 3)]);
    const reply = await client.send(`${proxy.url}/stream`, { method: 'PUT', body });
    expect(reply.status).toBe(200);
    expect(live.received.at(-1)?.body.length).toBe(2400);
    await eventually(() => events.dropped.length === 1);
    expect(events.dropped[0]).toMatchObject({ reason: 'body_too_large' });
    expect(mirror.received.length).toBe(before);
    expect(proxy.proxy.stats().mirrorInflight.mirror).toBe(0);
  });
});
