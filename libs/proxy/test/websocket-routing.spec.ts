import diagnosticsChannel from 'node:diagnostics_channel';
import {
  createClient,
  eventually,
  openWebSocket,
  startUpstream,
  startWebSocketUpstream,
  type Upstream,
  type WebSocketUpstream,
} from '@mirrormesh/testing';
import { PROXY_CHANNELS, type UpgradeEvent } from '../src';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('WebSocket upgrades get what a routed request gets: query matches, rewrite, header operations, redirect', () => {
  let echo: WebSocketUpstream;
  let blue: WebSocketUpstream;
  let plain: Upstream;
  let copies: [Upstream, Upstream];
  let proxy: ProxyServer;
  const events: UpgradeEvent[] = [];
  const onUpgrade = (message: unknown) => events.push(message as UpgradeEvent);
  const client = createClient();

  beforeAll(async () => {
    [echo, blue, plain] = await Promise.all([startWebSocketUpstream(), startWebSocketUpstream(), startUpstream('plain')]);
    copies = await Promise.all([startUpstream('copy-a'), startUpstream('copy-b')]);
    diagnosticsChannel.subscribe(PROXY_CHANNELS.upgrade, onUpgrade);
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [echo.endpoint] },
        { name: 'blue', endpoints: [blue.endpoint] },
        { name: 'plain', endpoints: [plain.endpoint] },
        { name: 'copy-a', endpoints: [copies[0].endpoint] },
        { name: 'copy-b', endpoints: [copies[1].endpoint] },
      ],
      routes: [
        { name: 'by-query', match: [{ queryParams: { room: { exact: 'blue' } } }], route: [{ destination: { cluster: 'blue' } }] },
        {
          name: 'moved',
          match: [{ uri: { prefix: '/old-chat' } }],
          redirect: { uri: '/chat', authority: 'chat.example:8443', scheme: 'https' },
          headers: { response: { set: { 'x-moved': 'yes' } } },
        },
        {
          name: 'rewritten',
          match: [{ uri: { prefix: '/v1/chat' } }],
          rewrite: { uri: '/chat', authority: 'chat.internal:9000' },
          route: [{ destination: { cluster: 'live' } }],
        },
        {
          name: 'edited',
          match: [{ uri: { prefix: '/edited' } }],
          headers: { request: { set: { 'x-env': 'prod' }, remove: ['x-debug'] }, response: { set: { 'x-route': 'edited' } } },
          route: [
            { destination: { cluster: 'live' }, headers: { request: { add: { 'x-dest': 'v1' } }, response: { add: { 'x-dest': 'v1' } } } },
          ],
        },
        {
          name: 'plain-edited',
          match: [{ uri: { prefix: '/plain' } }],
          headers: { response: { set: { 'x-route': 'plain' } } },
          route: [{ destination: { cluster: 'plain' } }],
        },
        {
          name: 'mirrored',
          match: [{ uri: { prefix: '/mirrored' } }],
          route: [{ destination: { cluster: 'plain' } }],
          mirrors: [{ cluster: 'copy-a' }, { cluster: 'copy-b' }],
        },
        { name: 'all', route: [{ destination: { cluster: 'live' } }] },
      ],
    });
  });
  afterAll(async () => {
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.upgrade, onUpgrade);
    await client.close();
    await proxy.close();
    await Promise.all([echo.close(), blue.close(), plain.close(), copies[0].close(), copies[1].close()]);
  });

  it('matches queryParams on an upgrade, as on a request', async () => {
    const ws = await openWebSocket(proxy.port, '/chat?room=blue');
    expect(ws.status).toBe(101);
    expect(blue.upgrades.map((u) => u.url)).toEqual(['/chat?room=blue']);
    await ws.close();
  });

  it("applies the route's rewrite to the handshake: path (query kept) and Host", async () => {
    const ws = await openWebSocket(proxy.port, '/v1/chat/room?u=1');
    expect(ws.status).toBe(101);
    const seen = echo.upgrades.at(-1)!;
    expect(seen.url).toBe('/chat/room?u=1');
    expect(seen.headers.host).toBe('chat.internal:9000');
    expect(seen.headers['x-forwarded-host']).toBe(`127.0.0.1:${proxy.port}`);
    await ws.close();
  });

  it("applies the route's then the destination's request operations to the handshake, and response operations to the 101", async () => {
    const ws = await openWebSocket(proxy.port, '/edited', ['x-debug: 1']);
    expect(ws.status).toBe(101);
    expect(ws.accepted).toBe(true);
    const seen = echo.upgrades.at(-1)!;
    expect(seen.headers['x-env']).toBe('prod');
    expect(seen.headers['x-dest']).toBe('v1');
    expect(seen.headers['x-debug']).toBeUndefined();
    expect(ws.head.toLowerCase()).toContain('x-route: edited');
    expect(ws.head.toLowerCase()).toContain('x-dest: v1');
    ws.send('still a websocket');
    expect((await ws.next()).toString()).toBe('still a websocket');
    await ws.close();
  });

  it('applies response operations to an answer that did not upgrade', async () => {
    const ws = await openWebSocket(proxy.port, '/plain/x');
    expect(ws.status).toBe(200);
    expect(ws.head.toLowerCase()).toContain('x-route: plain');
    await ws.body();
  });

  it('answers an upgrade on a redirect route with the redirect, nothing forwarded, and says so in the upgrade event', async () => {
    const before = echo.upgrades.length;
    const ws = await openWebSocket(proxy.port, '/old-chat/room?u=2', ['x-request-id: moved-1']);
    expect(ws.status).toBe(301);
    const head = ws.head.toLowerCase();
    expect(head).toContain('location: https://chat.example:8443/chat?u=2');
    expect(head).toContain('x-moved: yes');
    expect(head).toContain('connection: close');
    expect(head).toContain('x-request-id: moved-1');
    expect(await ws.body()).toBe('');
    expect(echo.upgrades).toHaveLength(before);
    expect(events.find((e) => e.requestId === 'moved-1')).toMatchObject({ route: 'moved', cluster: '', status: 301, errorCode: undefined });
  });

  it("never mirrors an upgrade to any of a route's mirrors", async () => {
    const ws = await openWebSocket(proxy.port, '/mirrored/ws');
    expect(ws.status).toBe(200); // the plain upstream does not upgrade
    await ws.body();
    await client.send(`${proxy.url}/mirrored/plain-request`);
    await eventually(() => copies.every((copy) => copy.received.length === 1));
    for (const copy of copies) expect(copy.received.map((r) => r.url)).toEqual(['/mirrored/plain-request']);
  });
});
