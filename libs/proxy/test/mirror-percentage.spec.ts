import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy } from './support/proxy-server';

/** 5,000 requests take a few seconds alone, far more on a CI machine running other suites. */
const LONG_TEST_MS = 90_000;

describe('mirrorPercentage and mirror.methods', () => {
  const client = createClient();
  let live: Upstream;
  const closers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await client.close();
    await live.close();
  });

  /** A fresh mirror and proxy per test, so that late copies of one test never count in another. */
  async function setUp(route: Record<string, unknown>) {
    const mirror = await startUpstream('mirror');
    const proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, route));
    closers.push(proxy, mirror);
    return { mirror, proxy };
  }

  it(
    'mirrors 30 % ± 3 of 5,000 requests',
    async () => {
      const { mirror, proxy } = await setUp({ mirrorPercentage: { value: 30 } });
      const total = 5000;
      for (let sent = 0; sent < total; sent += 100) {
        await Promise.all(Array.from({ length: 100 }, (_, i) => client.send(`${proxy.url}/p/${sent + i}`)));
      }
      // Copies are fire-and-forget: wait until the count stops moving.
      let settled = -1;
      for (let i = 0; i < 50 && settled !== mirror.received.length; i += 1) {
        settled = mirror.received.length;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const share = (mirror.received.length / total) * 100;
      expect(share).toBeGreaterThanOrEqual(27);
      expect(share).toBeLessThanOrEqual(33);
    },
    LONG_TEST_MS,
  );

  it('mirrors nothing at 0 %', async () => {
    const { mirror, proxy } = await setUp({ mirrorPercentage: { value: 0 } });
    await Promise.all(Array.from({ length: 50 }, () => client.send(`${proxy.url}/none`)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mirror.received).toHaveLength(0);
  });

  it('mirrors only the listed methods', async () => {
    const { mirror, proxy } = await setUp({ mirror: { cluster: 'mirror', methods: ['GET'] } });
    await client.send(`${proxy.url}/m`, { method: 'POST', body: 'x' });
    await client.send(`${proxy.url}/m`, { method: 'DELETE' });
    await client.send(`${proxy.url}/m`);
    await eventually(() => mirror.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mirror.received.map((r) => r.method)).toEqual(['GET']);
  });
});
