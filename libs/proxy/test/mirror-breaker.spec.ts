import { recordEvents } from './support/channel-recorder';
import { createClient, eventually, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { MIRROR_BREAKER_COOLDOWN_MS } from '../src/mirror/mirror-breaker';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('an unreachable mirror is skipped for a cooldown instead of costing a failed connect per copy', () => {
  const client = createClient();
  const events = recordEvents();
  // The cooldown runs on this clock, so a busy machine that takes seconds over these requests
  // cannot end it early (regression: 50 copies outlasted a wall-clock cooldown and one probed).
  let nowMs = 0;
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    proxy = await startProxy(liveAndMirror(live.endpoint, await refusedEndpoint()), { closeGraceMs: 500, clock: () => nowMs });
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await live.close();
  });

  const unreachable = () => events.dropped.filter((d) => d.reason === 'unreachable').length;

  it('stops connecting after consecutive failures and counts the skipped copies', async () => {
    for (let i = 0; i < 5; i += 1) expect((await client.send(`${proxy.url}/a/${i}`)).status).toBe(200);
    await eventually(() => events.mirror.length === 5);
    expect(events.mirror.every((e) => e.errorCode === 'UPSTREAM_REFUSED')).toBe(true);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => client.send(`${proxy.url}/b/${i}`)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    await eventually(() => unreachable() === 50);
    expect(events.mirror).toHaveLength(5);
  });

  it('lets one copy probe the cluster after the cooldown, and skips the others meanwhile', async () => {
    nowMs += MIRROR_BREAKER_COOLDOWN_MS;
    await Promise.all(Array.from({ length: 3 }, (_, i) => client.send(`${proxy.url}/c/${i}`)));
    await eventually(() => events.mirror.length === 6 && unreachable() === 52);
    expect(events.mirror[5]?.errorCode).toBe('UPSTREAM_REFUSED');
  });
});
