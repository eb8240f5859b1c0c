import { createClient, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Statistical tests send thousands of requests: seconds alone, far more on a busy CI machine. */
const LONG_TEST_MS = 90_000;

describe('traffic policy: weighted shifting, round robin, fault injection', () => {
  const client = createClient();
  let v1: Upstream;
  let v2: Upstream;
  const proxies: ProxyServer[] = [];

  beforeAll(async () => {
    [v1, v2] = await Promise.all([startUpstream('v1'), startUpstream('v2')]);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all([v1.close(), v2.close()]);
  });

  async function proxyWith(route: Record<string, unknown>, clusters?: unknown[]): Promise<ProxyServer> {
    const proxy = await startProxy({
      clusters: clusters ?? [
        { name: 'v1', endpoints: [v1.endpoint] },
        { name: 'v2', endpoints: [v2.endpoint] },
      ],
      routes: [{ name: 'r', route: [{ destination: { cluster: 'v1' } }], ...route }],
    });
    proxies.push(proxy);
    return proxy;
  }

  const upstreamsOf = async (url: string, n: number) => {
    const replies = await Promise.all(Array.from({ length: n }, () => client.send(url)));
    return replies.map((r) => (JSON.parse(r.text) as { upstream: string }).upstream);
  };

  it(
    'shifts 80/20 by weight (± 5 over 2,000 requests)',
    async () => {
      const proxy = await proxyWith({
        route: [
          { destination: { cluster: 'v1' }, weight: 80 },
          { destination: { cluster: 'v2' }, weight: 20 },
        ],
      });
      const seen: string[] = [];
      for (let i = 0; i < 20; i += 1) seen.push(...(await upstreamsOf(`${proxy.url}/w`, 100)));
      const v2Share = (seen.filter((u) => u === 'v2').length / seen.length) * 100;
      expect(v2Share).toBeGreaterThanOrEqual(15);
      expect(v2Share).toBeLessThanOrEqual(25);
    },
    LONG_TEST_MS,
  );

  it('never sends to a destination of weight 0', async () => {
    const proxy = await proxyWith({
      route: [
        { destination: { cluster: 'v1' }, weight: 0 },
        { destination: { cluster: 'v2' }, weight: 100 },
      ],
    });
    expect(new Set(await upstreamsOf(`${proxy.url}/w`, 200))).toEqual(new Set(['v2']));
  });

  it('takes a cluster’s endpoints in round robin', async () => {
    const proxy = await proxyWith({}, [{ name: 'v1', endpoints: [v1.endpoint, v2.endpoint] }]);
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) seen.push(...(await upstreamsOf(`${proxy.url}/rr`, 1)));
    expect(seen).toEqual(['v1', 'v2', 'v1', 'v2']);
  });

  it('injects an abort with the configured status (Istio fault.abort)', async () => {
    const proxy = await proxyWith({ fault: { abort: { percentage: { value: 100 }, httpStatus: 418 } } });
    const reply = await client.send(`${proxy.url}/f`);
    expect(reply.status).toBe(418);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 'FAULT_INJECTED' });
  });

  it('injects a delay (Istio fault.delay)', async () => {
    const proxy = await proxyWith({ fault: { delay: { percentage: { value: 100 }, fixedDelay: '300ms' } } });
    const reply = await client.send(`${proxy.url}/f`);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeGreaterThanOrEqual(290);
  });

  it('injects faults statistically (50 % ± 10 over 400 requests)', async () => {
    const proxy = await proxyWith({ fault: { abort: { percentage: { value: 50 }, httpStatus: 503 } } });
    const replies = await Promise.all(Array.from({ length: 400 }, () => client.send(`${proxy.url}/f`)));
    const share = (replies.filter((r) => r.status === 503).length / 400) * 100;
    expect(share).toBeGreaterThanOrEqual(40);
    expect(share).toBeLessThanOrEqual(60);
  });

  it('retries a refused endpoint on the next one (connect-failure)', async () => {
    const dead = await refusedEndpoint();
    const proxy = await proxyWith({ retries: { attempts: 2 } }, [{ name: 'v1', endpoints: [dead, v1.endpoint] }]);
    const replies = await Promise.all(Array.from({ length: 10 }, () => client.send(`${proxy.url}/retry`)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
  });
});
