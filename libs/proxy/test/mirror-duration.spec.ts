import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('regression: mirror durations included time spent waiting inside the proxy', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await startUpstream('mirror', (_req, res) => void setTimeout(() => res.end('slow'), 200));
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        // One connection: five copies at once queue behind each other inside the proxy.
        { name: 'mirror', endpoints: [mirror.endpoint], connections: 1 },
      ],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'mirror' } }],
    });
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it("reports the candidate's own time as the duration and the wait for a connection as queuedMs", async () => {
    await Promise.all([1, 2, 3, 4, 5].map((n) => client.send(`${proxy.url}/books/${n}`)));
    await eventually(() => events.mirror.length === 5, 10_000);
    for (const event of events.mirror) {
      expect(event.durationMs).toBeGreaterThanOrEqual(195);
      // The candidate answers in 200 ms; queued copies waited up to 800 ms more before leaving.
      expect(event.durationMs).toBeLessThan(600);
    }
    const queued = events.mirror.map((e) => e.queuedMs).sort((a, b) => a - b);
    expect(queued[4]).toBeGreaterThanOrEqual(750);
  });
});
