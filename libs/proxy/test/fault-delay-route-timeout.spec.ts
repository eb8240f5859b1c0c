import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('regression: a fault delay longer than the route timeout answered 504 without contacting the upstream', () => {
  const client = createClient();
  const events = recordEvents();
  let upstream: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    upstream = await startUpstream('upstream', (req, res) => {
      // /slow answers after 2 s: longer than the route timeout, which starts after the delay.
      const timer = setTimeout(() => res.end('ok'), req.url === '/slow' ? 2000 : 0);
      res.on('close', () => clearTimeout(timer));
    });
    const delayed = { timeout: '300ms', fault: { delay: { percentage: { value: 100 }, fixedDelay: '700ms' } } };
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [upstream.endpoint] }],
      routes: [{ name: 'delayed', match: [{ uri: { prefix: '/' } }], route: [{ destination: { cluster: 'live' } }], ...delayed }],
    });
  });
  beforeEach(() => {
    events.clear();
    upstream.received.length = 0;
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await upstream.close();
  });

  it("starts the route's timeout after the delay (Envoy's router runs after the fault filter): the upstream answers", async () => {
    const reply = await client.send(`${proxy.url}/fast`);
    expect(reply).toMatchObject({ status: 200, text: 'ok' });
    expect(reply.ms).toBeGreaterThanOrEqual(650);
    expect(upstream.received).toHaveLength(1);
    expect(events.live.at(-1)).toMatchObject({ cluster: 'live', status: 200, errorCode: undefined, sent: true });
  });

  it('still bounds the exchange after the delay: a slow upstream is contacted, then timed out', async () => {
    const reply = await client.send(`${proxy.url}/slow`);
    expect(reply.status).toBe(504);
    expect(reply.ms).toBeGreaterThanOrEqual(950);
    expect(upstream.received).toHaveLength(1);
    expect(events.live.at(-1)).toMatchObject({ cluster: 'live', status: 504, errorCode: 'UPSTREAM_TIMEOUT', sent: true });
  });
});
