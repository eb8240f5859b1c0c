import {
  createClient,
  eventually,
  openWebSocket,
  rawRequest,
  startUpstream,
  startWebSocketUpstream,
  type Upstream,
  type WebSocketUpstream,
} from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

describe('regression: the sidecar answered a WebSocket upgrade 200 with Upgrade stripped', () => {
  const client = createClient();
  let echo: WebSocketUpstream;
  let plain: Upstream;
  let sidecar: SidecarProcess;
  let port: number;

  beforeAll(async () => {
    [echo, plain] = await Promise.all([startWebSocketUpstream(), startUpstream('plain')]);
    sidecar = await startSidecarProcess({
      clusters: [
        { name: 'chat', endpoints: [echo.endpoint] },
        { name: 'plain', endpoints: [plain.endpoint] },
      ],
      routes: [
        { name: 'plain', match: [{ uri: { prefix: '/plain' } }], route: [{ destination: { cluster: 'plain' } }] },
        { name: 'chat', route: [{ destination: { cluster: 'chat' } }] },
      ],
    });
    port = Number(sidecar.url.split(':')[2]);
  });
  afterAll(async () => {
    await client.close();
    await sidecar.stop();
    await Promise.all([echo.close(), plain.close()]);
  });

  it('upgrades through the listener, echoes, and writes one access-log line when the connection closes', async () => {
    const ws = await openWebSocket(port, '/chat', ['x-request-id: ws-e2e']);
    expect(ws.status).toBe(101);
    expect(ws.accepted).toBe(true);
    ws.send('hello');
    expect((await ws.next()).toString()).toBe('hello');
    await ws.close();
    await eventually(() => sidecar.stdout().includes('"request_id":"ws-e2e"'));
    const line = JSON.parse(
      sidecar
        .stdout()
        .split('\n')
        .find((l) => l.includes('"request_id":"ws-e2e"')) ?? '{}',
    ) as Record<string, unknown>;
    expect(line).toMatchObject({ status: 101, route: 'chat', cluster: 'chat', upgrade: 'websocket', closed_by: 'upstream', url: '/chat' });
    // After the close handshake the server closes the TCP connection first (RFC 6455 §7.1.1).
    // The client's two masked frames (text, close) and the echo's two unmasked ones.
    expect(line.bytes_received).toBe(11 + 8);
    expect(line.bytes).toBe(7 + 4);
    expect(typeof line.duration_ms).toBe('number');
  });

  it('counts the upgrade in /metrics with the open gauge back at 0', async () => {
    const metrics = (await client.send(`${sidecar.adminUrl}/metrics`)).text;
    expect(metrics).toContain('mirrormesh_upgrades_total{route="chat",cluster="chat",result="101"} 1');
    expect(metrics).toContain('mirrormesh_upgrades_open 0');
  });

  it('keeps `Upgrade: h2c` a plain request, answered with Upgrade stripped', async () => {
    const answer = await rawRequest(port, 'GET /plain/h2c HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(plain.received.at(-1)?.headers.upgrade).toBeUndefined();
  });
});

describe('sidecar SIGTERM with a WebSocket open', () => {
  it('keeps the connection working while it drains, closes it when the shutdown timeout ends, then exits', async () => {
    const echo = await startWebSocketUpstream();
    const sidecar = await startSidecarProcess(
      {
        clusters: [{ name: 'chat', endpoints: [echo.endpoint] }],
        routes: [{ name: 'chat', route: [{ destination: { cluster: 'chat' } }] }],
      },
      { SHUTDOWN_TIMEOUT_MS: '3000' },
    );
    const ws = await openWebSocket(Number(sidecar.url.split(':')[2]), '/long');
    expect(ws.status).toBe(101);
    sidecar.child.kill('SIGTERM');
    await eventually(() => sidecar.stderr().includes('SIGTERM received'));
    ws.send('while draining');
    expect((await ws.next()).toString()).toBe('while draining');
    await ws.closed;
    await sidecar.exited;
    await eventually(() => echo.open() === 0);
    await sidecar.stop();
    await echo.close();
  });
});
