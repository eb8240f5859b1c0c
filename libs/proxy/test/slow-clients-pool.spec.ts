import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';
import { trickleUpload, type TrickleClient } from './support/trickle';

describe('regression: slow clients starved the live connection pool', () => {
  const client = createClient();
  const trickles: TrickleClient[] = [];
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    const config = liveAndMirror(live.endpoint, undefined, { timeout: '30s' });
    (config['clusters'] as Record<string, unknown>[])[0]!['connections'] = 2;
    proxy = await startProxy(config);
  });
  afterAll(async () => {
    trickles.forEach((t) => t.destroy());
    await client.close();
    await proxy.close();
    await live.close();
  });

  it('serves a healthy GET at once while more slow uploaders than connections trickle their bodies', async () => {
    for (let i = 0; i < 6; i += 1) trickles.push(trickleUpload(proxy.port, { declared: 1000, everyMs: 50 }));
    // Let every trickle start: before the fix each held one of the two connections.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reply = await client.send(`${proxy.url}/books/1`);
    expect(reply.status).toBe(200);
    // No connection is held by an unfinished body: the GET waited for none of them (bound generous for a busy machine).
    expect(reply.ms).toBeLessThan(2000);
    expect(live.received.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('regression: a request queued for a connection had no timer for routes of 2 s or more', () => {
  const client = createClient();
  const events = recordEvents();
  const held: ServerResponse[] = [];
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => held.push(res));
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [live.endpoint], connections: 1 }],
      routes: [
        // Holds the only connection for longer than the queued request's deadline.
        { name: 'patient', match: [{ uri: { exact: '/first' } }], route: [{ destination: { cluster: 'live' } }], timeout: '10s' },
        { name: 'two-seconds', route: [{ destination: { cluster: 'live' } }], timeout: '2s' },
      ],
    });
  });
  afterAll(async () => {
    events.stop();
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await live.close();
  });

  it('answers the queued request 504 at its deadline, while the connection is still busy', async () => {
    const first = client.send(`${proxy.url}/first`);
    await eventually(() => held.length === 1);
    const queued = await client.send(`${proxy.url}/queued`);
    expect(queued.status).toBe(504);
    expect(queued.ms).toBeGreaterThanOrEqual(1900);
    expect(queued.ms).toBeLessThan(6000);
    // It never reached the upstream, and the busy connection was not touched.
    expect(live.received.map((r) => r.url)).toEqual(['/first']);
    expect(events.live.find((e) => e.path === '/queued')).toMatchObject({ status: 504, sent: false, complete: true });
    expect(events.live.find((e) => e.path === '/queued')?.queuedMs).toBeGreaterThanOrEqual(1900);
    held[0]!.end('done');
    expect((await first).status).toBe(200);
  });
});
