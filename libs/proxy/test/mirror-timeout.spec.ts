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
    // /two is reported when its deadline passes, not when a connection frees.
    expect(events.mirror.map((e) => [e.path, e.status, e.errorCode, e.sent])).toEqual([
      ['/two', 0, 'UPSTREAM_TIMEOUT', false],
      ['/one', 200, undefined, true],
    ]);
    expect(mirror.received.map((r) => r.url)).toEqual(['/one']);
    expect(proxy.proxy.stats().mirrorInflight.mirror).toBe(0);
  });
});

describe('regression: a copy that timed out waiting cost the mirror a connection', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const held: ServerResponse[] = [];
  const mirrorPorts: number[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await startUpstream('mirror', (req, res) => {
      mirrorPorts.push(req.socket.remotePort as number);
      if (req.url === '/first') held.push(res);
      else res.end('ok');
    });
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        { name: 'mirror', endpoints: [mirror.endpoint], connections: 1 },
      ],
      routes: [
        {
          name: 'patient',
          match: [{ uri: { exact: '/first' } }],
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

  it('expires stale copies without touching the keep-alive connection', async () => {
    events.clear();
    await client.send(`${proxy.url}/first`);
    await eventually(() => held.length === 1);
    // Both wait behind /first past their 300 ms (undici would have destroyed the connection for each).
    await client.send(`${proxy.url}/stale-1`);
    await client.send(`${proxy.url}/stale-2`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    held[0]!.end('late');
    await eventually(() => events.mirror.length === 3);
    await client.send(`${proxy.url}/after`);
    await eventually(() => events.mirror.length === 4);
    expect(events.mirror.map((e) => [e.path, e.status, e.errorCode])).toEqual([
      ['/stale-1', 0, 'UPSTREAM_TIMEOUT'],
      ['/stale-2', 0, 'UPSTREAM_TIMEOUT'],
      ['/first', 200, undefined],
      ['/after', 200, undefined],
    ]);
    expect(mirror.received.map((r) => r.url)).toEqual(['/first', '/after']);
    // One connection carried both: the stale copies never reached it.
    expect(new Set(mirrorPorts).size).toBe(1);
    expect(proxy.proxy.stats().mirrorInflight.mirror).toBe(0);
  });
});
