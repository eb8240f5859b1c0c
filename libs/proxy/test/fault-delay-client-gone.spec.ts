import { eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { request } from 'node:http';
import { startProxy, type ProxyServer } from './support/proxy-server';
import { recordEvents } from './support/channel-recorder';

/** Sends a GET and gives up (destroys its connection) after `giveUpMs`, as a caller with a short timeout does. */
function impatientGet(url: string, giveUpMs: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false });
    req.on('error', () => resolve());
    req.setTimeout(giveUpMs, () => req.destroy());
    req.on('close', () => resolve());
    req.end();
  });
}

describe('regression: a client that left during an injected delay was noticed only when the delay ended', () => {
  const DELAY_MS = 30_000;
  const events = recordEvents();
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [live.endpoint] }],
      routes: [
        {
          name: 'jason',
          route: [{ destination: { cluster: 'live' } }],
          timeout: '60s',
          fault: { delay: { percentage: { value: 100 }, fixedDelay: `${DELAY_MS}ms` } },
        },
      ],
    });
  });
  afterAll(async () => {
    events.stop();
    await proxy.close();
    await live.close();
  });

  it('ends the exchange as 499 CLIENT_ABORTED when the client leaves, long before the delay, and nothing is forwarded', async () => {
    const t0 = performance.now();
    await impatientGet(`${proxy.url}/books/1`, 200);
    // Well inside the 30 s delay: the proxy let go of it when the client left.
    await eventually(() => events.live.length === 1, 10_000);
    expect(performance.now() - t0).toBeLessThan(DELAY_MS / 2);
    expect(events.live[0]).toMatchObject({ status: 499, errorCode: 'CLIENT_ABORTED', complete: false, sent: false });
    expect(proxy.proxy.stats().liveInflight).toBe(0);
    expect(live.received).toHaveLength(0);
  });
});
