import { createClient } from './support/http-client';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';
import { eventually, startUpstream, type Upstream } from './support/upstream';

describe('mirrorPercentage and mirror.methods', () => {
  const client = createClient();
  let live: Upstream;
  let mirror: Upstream;
  const proxies: ProxyServer[] = [];

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
  });
  beforeEach(() => {
    mirror.received.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all([live.close(), mirror.close()]);
  });

  it('mirrors 30 % ± 3 of 5,000 requests', async () => {
    const proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, { mirrorPercentage: { value: 30 } }));
    proxies.push(proxy);
    const total = 5000;
    for (let sent = 0; sent < total; sent += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => client.send(`${proxy.url}/p/${sent + i}`)));
    }
    const seen = mirror.received.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const share = (mirror.received.length / total) * 100;
    expect(seen).toBeGreaterThan(0);
    expect(share).toBeGreaterThanOrEqual(27);
    expect(share).toBeLessThanOrEqual(33);
  });

  it('mirrors nothing at 0 %', async () => {
    const proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, { mirrorPercentage: { value: 0 } }));
    proxies.push(proxy);
    await Promise.all(Array.from({ length: 50 }, () => client.send(`${proxy.url}/none`)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mirror.received).toHaveLength(0);
  });

  it('mirrors only the listed methods', async () => {
    const proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, { mirror: { cluster: 'mirror', methods: ['GET'] } }));
    proxies.push(proxy);
    await client.send(`${proxy.url}/m`, { method: 'POST', body: 'x' });
    await client.send(`${proxy.url}/m`, { method: 'DELETE' });
    await client.send(`${proxy.url}/m`);
    await eventually(() => mirror.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mirror.received.map((r) => r.method)).toEqual(['GET']);
  });
});
