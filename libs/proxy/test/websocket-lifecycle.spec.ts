import diagnosticsChannel from 'node:diagnostics_channel';
import { eventually, openWebSocket, startWebSocketUpstream, type WebSocketUpstream } from '@mirrormesh/testing';
import { createProxyStats, PROXY_CHANNELS, type ProxyStats, type UpgradeEvent } from '../src';
import { startProxy, type ProxyServer } from './support/proxy-server';

const config = (endpoint: string) => ({
  clusters: [{ name: 'live', endpoints: [endpoint] }],
  routes: [{ name: 'chat', route: [{ destination: { cluster: 'live' } }] }],
});

describe('WebSocket connections: either side closing closes the other, nothing leaks, counted and logged', () => {
  let echo: WebSocketUpstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  const events: UpgradeEvent[] = [];
  const onUpgrade = (message: unknown) => events.push(message as UpgradeEvent);

  beforeAll(async () => {
    echo = await startWebSocketUpstream();
    proxy = await startProxy(config(echo.endpoint));
    stats = createProxyStats({ proxy: proxy.proxy });
    diagnosticsChannel.subscribe(PROXY_CHANNELS.upgrade, onUpgrade);
  });
  afterAll(async () => {
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.upgrade, onUpgrade);
    stats.close();
    await proxy.close();
    await echo.close();
  });
  beforeEach(() => {
    events.length = 0;
  });

  it('opens and closes many connections and leaves none open on either side', async () => {
    const sockets = await Promise.all(Array.from({ length: 40 }, (_, i) => openWebSocket(proxy.port, `/c/${i}`)));
    expect(sockets.every((ws) => ws.status === 101)).toBe(true);
    await eventually(() => proxy.proxy.stats().upgradesOpen === 40);
    // Half close cleanly, half vanish without a close frame.
    await Promise.all(sockets.map((ws, i) => (i % 2 === 0 ? ws.close() : (ws.socket.destroy(), ws.closed))));
    await eventually(() => proxy.proxy.stats().upgradesOpen === 0 && echo.open() === 0);
    await eventually(() => events.length === 40);
    // A client that vanished closed first; after a close handshake the server closes the TCP connection first.
    const closedBy = (i: number) => events.find((e) => e.path === `/c/${i}`)?.closedBy;
    expect([closedBy(0), closedBy(1)]).toEqual(['upstream', 'client']);
  });

  it('closes the client when the upstream closes, and reports bytes both ways and who closed', async () => {
    const ws = await openWebSocket(proxy.port, '/bytes', ['x-request-id: bytes-1']);
    ws.send('12345');
    expect((await ws.next()).toString()).toBe('12345');
    await eventually(() => echo.open() === 1);
    await echo.close(); // destroys its sockets
    echo = await startWebSocketUpstream();
    proxy.proxy.reload(config(echo.endpoint));
    await ws.closed;
    await eventually(() => events.length === 1);
    expect(events[0]).toMatchObject({
      proxyId: proxy.proxy.id,
      route: 'chat',
      cluster: 'live',
      method: 'GET',
      path: '/bytes',
      requestId: 'bytes-1',
      status: 101,
      closedBy: 'upstream',
      // A masked client frame of 5 bytes is 11 bytes; the echo's unmasked one is 7.
      bytesToUpstream: 11,
      bytesToClient: 7,
    });
    expect(proxy.proxy.stats().upgradesOpen).toBe(0);
  });

  it('counts upgrades by route, cluster and result, with the open gauge, in /stats and Prometheus', async () => {
    const ws = await openWebSocket(proxy.port, '/counted');
    await eventually(() => proxy.proxy.stats().upgradesOpen === 1);
    expect(stats.snapshot().upgrades.open).toBe(1);
    expect(stats.renderPrometheus()).toContain('mirrormesh_upgrades_open 1');
    await ws.close();
    await eventually(() => stats.snapshot().upgrades.open === 0);
    const text = stats.renderPrometheus();
    expect(text).toMatch(/^mirrormesh_upgrades_total\{route="chat",cluster="live",result="101"\} \d+$/m);
    expect(stats.snapshot().upgrades.byResult).toContainEqual(expect.objectContaining({ route: 'chat', cluster: 'live', result: '101' }));
    expect(text).toContain('mirrormesh_upgrades_open 0');
  });
});

describe('WebSocket connections are bounded by limits.websocketConnections', () => {
  it('answers 503 UPGRADE_LIMIT past the limit, and takes new ones once some closed', async () => {
    const echo = await startWebSocketUpstream();
    const proxy = await startProxy({ ...config(echo.endpoint), limits: { websocketConnections: 2 } });
    const open = [await openWebSocket(proxy.port, '/a'), await openWebSocket(proxy.port, '/b')];
    expect(open.map((ws) => ws.status)).toEqual([101, 101]);
    const over = await openWebSocket(proxy.port, '/c');
    expect(over.status).toBe(503);
    expect(await over.body()).toContain('"code":"UPGRADE_LIMIT"');
    expect(echo.upgrades).toHaveLength(2);
    await open[0]!.close();
    await eventually(() => proxy.proxy.stats().upgradesOpen === 1);
    const again = await openWebSocket(proxy.port, '/d');
    expect(again.status).toBe(101);
    await Promise.all([open[1]!.close(), again.close()]);
    await proxy.close();
    await echo.close();
  });
});

describe('WebSocket connections and proxy.close()', () => {
  it('refuses new upgrades with 503 and ends open connections after its grace', async () => {
    const echo = await startWebSocketUpstream();
    const proxy = await startProxy(config(echo.endpoint), { closeGraceMs: 2000 });
    const ws = await openWebSocket(proxy.port, '/long');
    expect(ws.status).toBe(101);
    const closing = proxy.proxy.close();
    // Within the grace the connection still works...
    ws.send('during grace');
    expect((await ws.next()).toString()).toBe('during grace');
    const refused = await openWebSocket(proxy.port, '/late');
    expect(refused.status).toBe(503);
    expect(await refused.body()).toContain('"code":"PROXY_CLOSING"');
    // ...after it, both sides are closed.
    await closing;
    await ws.closed;
    await eventually(() => echo.open() === 0);
    expect(proxy.proxy.stats().upgradesOpen).toBe(0);
    await proxy.close();
    await echo.close();
  });
});
