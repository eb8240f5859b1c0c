import { type ServerResponse } from 'node:http';
import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('mirror.timeout bounds the whole copy, time queued for a connection included', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await startUpstream('mirror', (_req, res) => held.push(res));
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        // One connection: the second copy queues behind the first.
        { name: 'mirror', endpoints: [mirror.endpoint], connections: 1 },
      ],
      routes: [
        {
          name: 'patient',
          match: [{ uri: { prefix: '/one' } }],
          route: [{ destination: { cluster: 'live' } }],
          mirror: { cluster: 'mirror', timeout: '10s' },
        },
        { name: 'hasty', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'mirror', timeout: '300ms' } },
      ],
    });
  });
  afterAll(async () => {
    events.stop();
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('never sends a copy that queued longer than its timeout', async () => {
    await client.send(`${proxy.url}/one`);
    await eventually(() => held.length === 1);
    // /two's copy queues behind /one's on the single connection, past its 300 ms.
    await client.send(`${proxy.url}/two`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    held[0]!.end('late');
    await eventually(() => events.mirror.length === 2);
    expect(events.mirror.map((e) => [e.path, e.status, e.errorCode])).toEqual([
      ['/one', 200, undefined],
      ['/two', 0, 'UPSTREAM_TIMEOUT'],
    ]);
    expect(mirror.received.map((r) => r.url)).toEqual(['/one']);
    expect(proxy.proxy.stats().mirrorInflight.mirror).toBe(0);
  });
});
