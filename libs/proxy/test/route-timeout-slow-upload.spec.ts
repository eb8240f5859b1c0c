import { recordEvents } from './support/channel-recorder';
import { eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';
import { trickleUpload, type TrickleClient } from './support/trickle';

describe('regression: the route timeout did not run while the client was still sending its body', () => {
  const events = recordEvents();
  const clients: TrickleClient[] = [];
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    proxy = await startProxy({
      ...liveAndMirror(live.endpoint, undefined, { timeout: '1s' }),
      listener: { requestBodyIdleTimeout: '400ms' },
    });
  });
  afterEach(() => clients.forEach((c) => c.destroy()));
  afterAll(async () => {
    events.stop();
    await proxy.close();
    await live.close();
  });

  it('answers 408 at the route timeout to a client that trickles a declared 100,000-byte body', async () => {
    const client = trickleUpload(proxy.port, { declared: 100_000, everyMs: 100 });
    clients.push(client);
    const { answer, ms } = await client.settled;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(answer.toLowerCase()).toContain('connection: close');
    // On time: about the route's 1 s, never Node's 300 s request timeout (generous for a busy machine).
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(5000);
    expect(live.received).toHaveLength(0);
    await eventually(() => events.live.some((e) => e.errorCode === 'REQUEST_TIMEOUT'));
    expect(proxy.proxy.stats()).toMatchObject({ liveInflight: 0, requestBufferedBytes: 0 });
  });

  it('answers 408 when a body stalls longer than listener.requestBodyIdleTimeout', async () => {
    const client = trickleUpload(proxy.port, { declared: 100, bytes: 3, everyMs: 20 });
    clients.push(client);
    const { answer, ms } = await client.settled;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThan(950);
  });
});
