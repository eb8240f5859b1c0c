import {
  createClient,
  openWebSocket,
  rawRequest,
  startUpstream,
  startWebSocketUpstream,
  type Upstream,
  type WebSocketUpstream,
} from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('regression: a WebSocket upgrade was answered 200 by the upstream with Upgrade stripped', () => {
  let echo: WebSocketUpstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    echo = await startWebSocketUpstream();
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [echo.endpoint] }],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
    });
  });
  afterAll(async () => {
    await proxy.close();
    await echo.close();
  });

  it('relays the upstream 101 with its Sec-WebSocket-Accept, then frames both ways', async () => {
    const ws = await openWebSocket(proxy.port, '/chat');
    expect(ws.status).toBe(101);
    expect(ws.accepted).toBe(true);
    ws.send('hello');
    expect((await ws.next()).toString()).toBe('hello');
    const big = Buffer.alloc(200_000, 7);
    ws.send(big);
    expect((await ws.next()).equals(big)).toBe(true);
    await ws.close();
  });
});

describe('WebSocket upgrades: routed like requests, sent to the live cluster only', () => {
  let echo: WebSocketUpstream;
  let other: WebSocketUpstream;
  let plain: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const client = createClient();

  beforeAll(async () => {
    [echo, other, plain, mirror] = await Promise.all([
      startWebSocketUpstream(),
      startWebSocketUpstream(),
      startUpstream('plain'),
      startUpstream('mirror'),
    ]);
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [echo.endpoint] },
        { name: 'other', endpoints: [other.endpoint] },
        { name: 'plain', endpoints: [plain.endpoint] },
        { name: 'mirror', endpoints: [mirror.endpoint] },
      ],
      routes: [
        { name: 'by-header', match: [{ headers: { 'x-version': { exact: 'other' } } }], route: [{ destination: { cluster: 'other' } }] },
        { name: 'plain', match: [{ uri: { prefix: '/plain' } }], route: [{ destination: { cluster: 'plain' } }] },
        {
          name: 'chat',
          match: [{ uri: { prefix: '/chat' } }],
          route: [{ destination: { cluster: 'live' } }],
          mirror: { cluster: 'mirror' },
        },
      ],
    });
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([echo.close(), other.close(), plain.close(), mirror.close()]);
  });

  it('passes frames a client pipelined behind its handshake to the upstream once it upgraded', async () => {
    const ws = await openWebSocket(proxy.port, '/chat', [], ['sent before the 101', 'and another']);
    expect(ws.status).toBe(101);
    expect((await ws.next()).toString()).toBe('sent before the 101');
    expect((await ws.next()).toString()).toBe('and another');
    await ws.close();
  });

  it('sends the handshake with Connection/Upgrade kept, x-forwarded-* and x-request-id added, hop-by-hop stripped', async () => {
    const ws = await openWebSocket(proxy.port, '/chat/room?u=1', [
      'x-request-id: ws-1',
      'Keep-Alive: timeout=5',
      'x-forwarded-for: 203.0.113.9',
    ]);
    expect(ws.status).toBe(101);
    const seen = echo.upgrades.at(-1)!;
    expect(seen.url).toBe('/chat/room?u=1');
    expect(seen.headers.connection).toBe('Upgrade');
    expect(seen.headers.upgrade).toBe('websocket');
    expect(seen.headers['sec-websocket-version']).toBe('13');
    expect(seen.headers['sec-websocket-key']).toBeDefined();
    expect(seen.headers['x-request-id']).toBe('ws-1');
    expect(seen.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['keep-alive']).toBeUndefined();
    expect(seen.headers.host).toBe(`127.0.0.1:${proxy.port}`);
    await ws.close();
  });

  it('matches routes on the normalised path and on headers, as for requests', async () => {
    const ws = await openWebSocket(proxy.port, '/x/..//chat/./a');
    expect(ws.status).toBe(101);
    expect(echo.upgrades.at(-1)!.url).toBe('/chat/a');
    await ws.close();
    const byHeader = await openWebSocket(proxy.port, '/chat', ['x-version: other']);
    expect(byHeader.status).toBe(101);
    expect(other.upgrades).toHaveLength(1);
    await byHeader.close();
  });

  it('never mirrors an upgrade', async () => {
    const ws = await openWebSocket(proxy.port, '/chat/m');
    ws.send('not for the mirror');
    await ws.next();
    await ws.close();
    await client.send(`${proxy.url}/chat/plain-request`);
    expect(mirror.received.map((r) => r.url)).toEqual(['/chat/plain-request']);
  });

  it('relays an answer other than 101 and closes the connection', async () => {
    const ws = await openWebSocket(proxy.port, '/plain/x');
    expect(ws.status).toBe(200);
    expect(ws.head.toLowerCase()).toContain('connection: close');
    expect(await ws.body()).toContain('"upstream":"plain"');
    expect(plain.received.at(-1)?.headers.upgrade).toBe('websocket');
  });

  it('answers 404 NO_ROUTE, 400 BAD_PATH itself', async () => {
    const missing = await openWebSocket(proxy.port, '/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.body()).toContain('"code":"NO_ROUTE"');
    const bad = await openWebSocket(proxy.port, '/chat/%zz');
    expect(bad.status).toBe(400);
    expect(await bad.body()).toContain('"code":"BAD_PATH"');
  });

  it('keeps other upgrades (h2c) plain requests: Upgrade stripped, answered normally', async () => {
    const answer = await rawRequest(
      proxy.port,
      'GET /plain/h2c HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    const seen = plain.received.at(-1)!;
    expect(seen.url).toBe('/plain/h2c');
    expect(seen.headers.upgrade).toBeUndefined();
    expect(seen.headers['http2-settings']).toBeUndefined();
  });
});
