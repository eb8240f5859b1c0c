import { request as httpRequest, type IncomingMessage } from 'node:http';
import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('a client that goes away mid-request', () => {
  const client = createClient();
  const events = recordEvents();
  let upstream: Upstream;
  let proxy: ProxyServer;
  const upstreamRequests: IncomingMessage[] = [];

  beforeAll(async () => {
    upstream = await startUpstream('held', (req, res) => {
      if (req.url === '/hold') upstreamRequests.push(req);
      else res.end('ok');
    });
    proxy = await startProxy(liveAndMirror(upstream.endpoint));
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await upstream.close();
  });

  it('aborts the upstream request, records 499, and leaves the proxy serving', async () => {
    const req = httpRequest(`${proxy.url}/hold`);
    req.on('error', () => undefined);
    req.end();
    await eventually(() => upstreamRequests.length === 1);
    let upstreamClosed = false;
    upstreamRequests[0]!.socket.once('close', () => (upstreamClosed = true));
    req.destroy();
    await eventually(() => upstreamClosed);
    await eventually(() => events.live.some((e) => e.path === '/hold'));
    expect(events.live.find((e) => e.path === '/hold')).toMatchObject({ status: 499, errorCode: 'CLIENT_ABORTED' });
    expect(proxy.proxy.stats().liveInflight).toBe(0);
    expect(await client.send(`${proxy.url}/next`)).toMatchObject({ status: 200, text: 'ok' });
  });

  it('does not contact the upstream for a client that left during a fault delay', async () => {
    const delayed = await startProxy(
      liveAndMirror(upstream.endpoint, undefined, { fault: { delay: { percentage: { value: 100 }, fixedDelay: '300ms' } } }),
    );
    try {
      const before = upstream.received.length;
      const req = httpRequest(`${delayed.url}/delayed`);
      req.on('error', () => undefined);
      req.end();
      await new Promise((resolve) => setTimeout(resolve, 50));
      req.destroy();
      await eventually(() => events.live.some((e) => e.path === '/delayed'));
      expect(events.live.find((e) => e.path === '/delayed')).toMatchObject({ status: 499, errorCode: 'CLIENT_ABORTED' });
      expect(upstream.received.length).toBe(before);
      expect(delayed.proxy.stats().liveInflight).toBe(0);
    } finally {
      await delayed.close();
    }
  });
});
