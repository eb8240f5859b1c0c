import { createProxyStats, type ProxyStats } from '../src';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

/** A mirror that accepts connections and never reads a byte: copies pile up in the proxy. */
async function deafMirror(): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer();
  server.on('connection', (socket: Socket) => {
    socket.pause();
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

describe('regression: mirror body copies had no aggregate bound', () => {
  const client = createClient();
  const budget = 2 * 1024 * 1024;
  let live: Upstream;
  let mirror: Awaited<ReturnType<typeof deafMirror>>;
  let proxy: ProxyServer;
  let stats: ProxyStats;

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await deafMirror();
    const config = liveAndMirror(live.endpoint, mirror.endpoint, { mirror: { cluster: 'mirror', timeout: '1500ms' } });
    // One mirror connection: the copies behind it wait in the proxy, holding their bodies.
    (config['clusters'] as Record<string, unknown>[])[1]!['connections'] = 1;
    proxy = await startProxy({ ...config, limits: { mirrorBufferBytes: budget } });
    stats = createProxyStats({ proxy: proxy.proxy });
  });
  afterAll(async () => {
    stats.close();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('drops copies past limits.mirrorBufferBytes (buffer_budget), never holds more, and gives it all back', async () => {
    const body = Buffer.alloc(512 * 1024, 'b');
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, proxy.proxy.stats().mirrorBufferedBytes)), 5);
    const replies = await Promise.all(Array.from({ length: 20 }, () => client.send(`${proxy.url}/upload`, { method: 'POST', body })));
    clearInterval(sampler);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(budget);
    const dropped = stats.snapshot().dropped.find((d) => d.reason === 'buffer_budget');
    expect(dropped?.count).toBeGreaterThanOrEqual(10);
    // Every copy still held ends at its timeout: the budget is whole again, nothing in flight.
    await eventually(() => proxy.proxy.stats().mirrorBufferedBytes === 0 && proxy.proxy.stats().mirrorInflight.mirror === 0, 10_000);
    expect(live.received).toHaveLength(20);
    expect(stats.renderPrometheus()).toContain('mirrormesh_buffered_bytes{role="mirror"} 0');
  });
});
