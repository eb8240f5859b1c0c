import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('regression: non-idempotent methods (POST, PATCH) were retried, which can apply a write twice', () => {
  const client = createClient();
  let failuresLeft = 0;
  let flaky: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    flaky = await startUpstream('flaky', (_req, res) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503);
        return void res.end();
      }
      res.end('ok');
    });
    const retries = { attempts: 3, retryOn: '5xx' };
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [flaky.endpoint] }],
      routes: [
        {
          name: 'opt-in',
          match: [{ uri: { prefix: '/opt-in' } }],
          route: [{ destination: { cluster: 'live' } }],
          retries: { ...retries, retryNonIdempotent: true },
        },
        { name: 'default', route: [{ destination: { cluster: 'live' } }], retries },
      ],
    });
  });
  beforeEach(() => {
    flaky.received.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await flaky.close();
  });

  it.each(['POST', 'PATCH'])('does not retry %s by default: the 503 passes through after one attempt', async (method) => {
    failuresLeft = 1;
    expect(await client.send(`${proxy.url}/r`, { method, body: 'once' })).toMatchObject({ status: 503 });
    expect(flaky.received).toHaveLength(1);
    failuresLeft = 0;
  });

  it.each(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'])('retries %s, idempotent by RFC 9110', async (method) => {
    failuresLeft = 1;
    const body = method === 'PUT' ? 'same' : undefined;
    expect(await client.send(`${proxy.url}/r`, { method, body })).toMatchObject({ status: 200 });
    expect(flaky.received).toHaveLength(2);
  });

  it('retries a POST on a route with retries.retryNonIdempotent: true', async () => {
    failuresLeft = 1;
    expect(await client.send(`${proxy.url}/opt-in`, { method: 'POST', body: 'twice' })).toMatchObject({ status: 200 });
    expect(flaky.received.map((r) => r.body.toString())).toEqual(['twice', 'twice']);
  });
});
