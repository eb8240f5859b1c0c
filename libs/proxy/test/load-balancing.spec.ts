import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Reply, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('loadBalancer.simple LEAST_REQUEST sends new requests to the endpoint with fewer in flight', () => {
  const client = createClient();
  const held: ServerResponse[] = [];
  let stuck: Upstream;
  let quick: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    stuck = await startUpstream('stuck', (_req, res) => held.push(res));
    quick = await startUpstream('quick');
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [stuck.endpoint, quick.endpoint], loadBalancer: { simple: 'LEAST_REQUEST' } }],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
    });
  });
  afterAll(async () => {
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await stuck.close();
    await quick.close();
  });

  it('sends at most one request to an endpoint that holds it, where round robin would send every other one', async () => {
    const pending: Promise<Reply>[] = [];
    for (let i = 0; i < 10; i += 1) {
      const reply = client.send(`${proxy.url}/r/${i}`);
      await eventually(() => stuck.received.length + quick.received.length === i + 1);
      // A quick answer is awaited so that its endpoint is idle again before the next pick.
      if (quick.received.at(-1)?.url === `/r/${i}`) expect((await reply).status).toBe(200);
      else pending.push(reply);
    }
    expect(stuck.received.length).toBeLessThanOrEqual(1);
    held.forEach((res) => res.end('late'));
    expect((await Promise.all(pending)).every((r) => r.status === 200)).toBe(true);
  });
});
