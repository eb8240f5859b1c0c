import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('header manipulation on live traffic: route, then destination (Istio Headers)', () => {
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const client = createClient();

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => {
      res.writeHead(200, [
        ['content-type', 'text/plain'],
        ['x-powered-by', 'books/1.0'],
        ['x-version', 'v1'],
        ['set-cookie', 'a=1'],
        ['cache-control', 'no-store'],
      ]);
      res.end('ok');
    });
    mirror = await startUpstream('mirror');
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        { name: 'mirror', endpoints: [mirror.endpoint] },
      ],
      routes: [
        {
          name: 'edited',
          match: [{ uri: { prefix: '/edited' } }],
          headers: {
            request: { set: { 'X-Route': 'books', 'x-env': 'route' }, add: { 'x-trace': 'route' }, remove: ['x-internal'] },
            response: { set: { 'x-version': 'route' }, add: { 'set-cookie': 'b=2' }, remove: ['X-Powered-By'] },
          },
          route: [
            {
              destination: { cluster: 'live' },
              headers: {
                request: { set: { 'x-env': 'destination' }, add: { 'x-trace': 'destination' } },
                response: { set: { 'x-version': 'destination' }, remove: ['cache-control'] },
              },
            },
          ],
          mirror: { cluster: 'mirror' },
        },
        { name: 'plain', route: [{ destination: { cluster: 'live' } }] },
      ],
    });
  });

  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('sets, adds and removes request headers upstream, the destination after the route', async () => {
    await client.send(`${proxy.url}/edited`, { headers: { 'x-internal': 'secret', 'x-env': 'client', 'x-trace': 'client' } });
    const got = live.received.at(-1)?.headers;
    expect(got?.['x-route']).toBe('books');
    expect(got?.['x-env']).toBe('destination');
    expect(got?.['x-trace']).toBe('client, route, destination');
    expect(got?.['x-internal']).toBeUndefined();
  });

  it('keeps the proxy rules: Host as received, x-forwarded-* and x-request-id written', async () => {
    await client.send(`${proxy.url}/edited`, { headers: { host: 'books.local' } });
    const got = live.received.at(-1)?.headers;
    expect(got?.host).toBe('books.local');
    expect(got?.['x-forwarded-host']).toBe('books.local');
    expect(got?.['x-request-id']).toMatch(/./);
  });

  it('sets, adds and removes response headers before the client gets them, the destination after the route', async () => {
    const reply = await client.send(`${proxy.url}/edited`);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('ok');
    expect(reply.headers['x-version']).toBe('destination');
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(reply.headers['x-powered-by']).toBeUndefined();
    expect(reply.headers['cache-control']).toBeUndefined();
  });

  it('the mirror copy gets the request as forwarded, edits included', async () => {
    mirror.received.length = 0;
    await client.send(`${proxy.url}/edited`, { headers: { 'x-internal': 'secret' } });
    await eventually(() => mirror.received.length === 1);
    const copy = mirror.received[0]?.headers;
    expect(copy?.['x-env']).toBe('destination');
    expect(copy?.['x-route']).toBe('books');
    expect(copy?.['x-internal']).toBeUndefined();
  });

  it('a route without header operations forwards headers untouched both ways', async () => {
    const reply = await client.send(`${proxy.url}/plain`, { headers: { 'x-internal': 'kept' } });
    expect(live.received.at(-1)?.headers['x-internal']).toBe('kept');
    expect(reply.headers['x-powered-by']).toBe('books/1.0');
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});
