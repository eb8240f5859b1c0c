import { type ServerResponse } from 'node:http';
import { ProxyConfigError } from '../src';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('reload: a valid config swaps atomically, an invalid one is refused', () => {
  const client = createClient();
  let v1: Upstream;
  let v2: Upstream;
  let proxy: ProxyServer;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    v1 = await startUpstream('v1', (req, res) => {
      if (req.url === '/hold') held.push(res);
      else res.end('v1');
    });
    v2 = await startUpstream('v2', (_req, res) => res.end('v2'));
    proxy = await startProxy(liveAndMirror(v1.endpoint));
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([v1.close(), v2.close()]);
  });

  it('routes new requests by the new config while in-flight ones finish on the old', async () => {
    const inflight = client.send(`${proxy.url}/hold`);
    await eventually(() => held.length === 1);
    const applied = proxy.proxy.reload(liveAndMirror(v2.endpoint));
    expect(applied.clusters[0]?.endpoints).toEqual([v2.endpoint]);
    expect((await client.send(`${proxy.url}/x`)).text).toBe('v2');
    held[0]!.end('old-v1');
    expect(await inflight).toMatchObject({ status: 200, text: 'old-v1' });
  });

  it('keeps the old config when the new one is invalid, and says why', () => {
    const before = proxy.proxy.config;
    expect(() =>
      proxy.proxy.reload({ ...liveAndMirror(v1.endpoint), routes: [{ name: 'r', route: [{ destination: { cluster: 'ghost' } }] }] }),
    ).toThrow(new ProxyConfigError([{ path: 'routes[0].route[0].destination.cluster', message: '"ghost" is not a defined cluster' }]));
    expect(proxy.proxy.config).toBe(before);
  });

  it('still serves after a refused reload', async () => {
    expect((await client.send(`${proxy.url}/x`)).text).toBe('v2');
  });
});
