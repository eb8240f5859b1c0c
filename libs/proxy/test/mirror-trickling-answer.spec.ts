import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('regression: the mirror timeout did not bound a copy in flight (a trickling answer)', () => {
  const client = createClient();
  const events = recordEvents();
  const trickles: NodeJS.Timeout[] = [];
  const answers: ServerResponse[] = [];
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    // Headers at once, then one byte every 25 ms for 3 s: every chunk arrives well inside any idle timeout.
    mirror = await startUpstream('mirror', (_req, res) => {
      answers.push(res);
      res.writeHead(200, { 'content-length': 120 });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent === 120) return clearInterval(timer);
        sent += 1;
        res.write('x');
        if (sent === 120) res.end();
      }, 25);
      trickles.push(timer);
    });
    proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, { mirror: { cluster: 'mirror', timeout: '500ms' } }));
  });
  afterAll(async () => {
    events.stop();
    trickles.forEach(clearInterval);
    answers.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('aborts the copy at mirror.timeout, counted as a timeout, and frees its in-flight place', async () => {
    const t0 = performance.now();
    await Promise.all([1, 2, 3].map((n) => client.send(`${proxy.url}/books/${n}`)));
    await eventually(() => events.mirror.length === 3, 10_000);
    const settledMs = performance.now() - t0;
    for (const event of events.mirror) {
      expect(event).toMatchObject({ status: 200, errorCode: 'UPSTREAM_TIMEOUT', complete: false, sent: true });
      expect(event.durationMs).toBeLessThan(1500);
    }
    // Settled at about the mirror timeout, not after the 3 s trickle (generous for a busy machine).
    expect(settledMs).toBeLessThan(2500);
    expect(proxy.proxy.stats().mirrorInflight.mirror).toBe(0);
  });
});
