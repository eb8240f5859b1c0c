import { eventually, openWebSocket, refusedEndpoint, startWebSocketUpstream, type WebSocketUpstream } from '@mirrormesh/testing';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('WebSocket route policy: faults, refusal, handshake failures, timeouts', () => {
  let echo: WebSocketUpstream;
  let proxy: ProxyServer;
  /** Accepts connections and never answers. */
  let silent: Server;
  const silentSockets = new Set<Socket>();

  beforeAll(async () => {
    echo = await startWebSocketUpstream();
    silent = createServer((socket) => {
      silentSockets.add(socket);
      socket.resume(); // reads (and drops) the handshake, so that the proxy's FIN is seen
      socket.on('close', () => silentSockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const refused = await refusedEndpoint();
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [echo.endpoint] },
        { name: 'down', endpoints: [refused] },
        { name: 'silent', endpoints: [`127.0.0.1:${silentPort}`] },
      ],
      routes: [
        {
          name: 'aborted',
          match: [{ uri: { prefix: '/aborted' } }],
          route: [{ destination: { cluster: 'live' } }],
          fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
        },
        {
          name: 'delayed',
          match: [{ uri: { prefix: '/delayed' } }],
          route: [{ destination: { cluster: 'live' } }],
          fault: { delay: { percentage: { value: 100 }, fixedDelay: '100ms' } },
        },
        { name: 'off', match: [{ uri: { prefix: '/off' } }], route: [{ destination: { cluster: 'live' } }], websocket: { enabled: false } },
        { name: 'down', match: [{ uri: { prefix: '/down' } }], route: [{ destination: { cluster: 'down' } }] },
        { name: 'silent', match: [{ uri: { prefix: '/silent' } }], route: [{ destination: { cluster: 'silent' } }], timeout: '300ms' },
        { name: 'hang', match: [{ uri: { prefix: '/hang' } }], route: [{ destination: { cluster: 'silent' } }], timeout: '60s' },
        // The route timeout is short: it bounds the handshake, never the upgraded connection.
        { name: 'short', match: [{ uri: { prefix: '/short' } }], route: [{ destination: { cluster: 'live' } }], timeout: '300ms' },
        {
          name: 'idle',
          match: [{ uri: { prefix: '/idle' } }],
          route: [{ destination: { cluster: 'live' } }],
          websocket: { idleTimeout: '1s' },
        },
      ],
    });
  });
  afterAll(async () => {
    await proxy.close();
    await echo.close();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers a route abort fault with its status and does not reach the upstream', async () => {
    const before = echo.upgrades.length;
    const ws = await openWebSocket(proxy.port, '/aborted');
    expect(ws.status).toBe(503);
    expect(await ws.body()).toContain('"code":"FAULT_INJECTED"');
    expect(echo.upgrades).toHaveLength(before);
  });

  it('applies a route delay fault before the handshake', async () => {
    const ws = await openWebSocket(proxy.port, '/delayed');
    expect(ws.status).toBe(101);
    await ws.close();
  });

  it('refuses an upgrade with 403 UPGRADE_REFUSED on a route with websocket.enabled false (as Envoy)', async () => {
    const ws = await openWebSocket(proxy.port, '/off');
    expect(ws.status).toBe(403);
    expect(await ws.body()).toContain('"code":"UPGRADE_REFUSED"');
  });

  it('answers 502 UPSTREAM_REFUSED when the endpoint refuses the connection', async () => {
    const ws = await openWebSocket(proxy.port, '/down', ['x-request-id: down-1']);
    expect(ws.status).toBe(502);
    expect(ws.head.toLowerCase()).toContain('x-request-id: down-1');
    expect(await ws.body()).toContain('"code":"UPSTREAM_REFUSED"');
  });

  it('bounds the handshake by the route timeout: 504 UPSTREAM_TIMEOUT, the upstream connection closed', async () => {
    const ws = await openWebSocket(proxy.port, '/silent');
    expect(ws.status).toBe(504);
    expect(await ws.body()).toContain('"code":"UPSTREAM_TIMEOUT"');
    await eventually(() => silentSockets.size === 0);
  });

  // A client's FIN alone emits no 'close' on a node:http server's half-open socket: the handshake
  // waited on the silent upstream for the whole route timeout, its connection held.
  it.each([
    ['half-closes its side (FIN)', (socket: Socket) => socket.end()],
    ['resets the connection', (socket: Socket) => socket.resetAndDestroy()],
  ])('lets go of the upstream at once when the client %s during the handshake', async (_how, leave) => {
    const client = connect(proxy.port, '127.0.0.1');
    client.on('error', () => undefined);
    client.write(
      'GET /hang HTTP/1.1\r\nHost: books\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    await eventually(() => silentSockets.size === 1);
    leave(client);
    await eventually(() => silentSockets.size === 0);
    client.destroy();
  });

  it('answers 400 EARLY_DATA_TOO_LARGE when a client sends over 64 KiB before the upstream answered, and lets go of it', async () => {
    const ws = await openWebSocket(proxy.port, '/hang', [], ['x'.repeat(70 * 1024)]);
    expect(ws.status).toBe(400);
    expect(await ws.body()).toContain('"code":"EARLY_DATA_TOO_LARGE"');
    await eventually(() => silentSockets.size === 0);
  });

  it('does not bound an upgraded connection by the route timeout', async () => {
    const ws = await openWebSocket(proxy.port, '/short');
    expect(ws.status).toBe(101);
    await new Promise((resolve) => setTimeout(resolve, 900));
    ws.send('still here');
    expect((await ws.next()).toString()).toBe('still here');
    await ws.close();
  });

  it('keeps a connection open while bytes flow, closes both sides once none flowed for the idle timeout', async () => {
    const ws = await openWebSocket(proxy.port, '/idle');
    expect(ws.status).toBe(101);
    await eventually(() => echo.open() > 0);
    // Traffic every 100 ms for well over the 1 s idle timeout keeps it open.
    for (let i = 0; i < 25; i += 1) {
      ws.send(`tick ${i}`);
      expect((await ws.next()).toString()).toBe(`tick ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ws.socket.destroyed).toBe(false);
    await ws.closed;
    await eventually(() => echo.open() === 0);
    await eventually(() => proxy.proxy.stats().upgradesOpen === 0);
  });
});
