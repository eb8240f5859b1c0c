import { createClient, eventually, rawRequest, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('redirect: answered by the proxy, never forwarded (Istio HTTPRedirect)', () => {
  let live: Upstream;
  let proxy: ProxyServer;
  const client = createClient();
  const events = recordEvents();

  beforeAll(async () => {
    live = await startUpstream('live');
    proxy = await startProxy({
      clusters: [{ name: 'live', endpoints: [live.endpoint] }],
      routes: [
        { name: 'moved', match: [{ uri: { prefix: '/v1/' } }], redirect: { uri: '/v2/books' } },
        {
          name: 'elsewhere',
          match: [{ uri: { prefix: '/shop' } }],
          redirect: { authority: 'shop.example', scheme: 'https', port: 8443, redirectCode: 308 },
          headers: { response: { set: { 'cache-control': 'max-age=60' } } },
        },
        { name: 'secure', match: [{ uri: { prefix: '/login' } }], redirect: { scheme: 'https', redirectCode: 302 } },
        {
          name: 'faulty',
          match: [{ uri: { prefix: '/faulty' } }],
          redirect: { uri: '/x' },
          fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
        },
        { name: 'rest', route: [{ destination: { cluster: 'live' } }] },
      ],
    });
  });

  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await live.close();
  });

  it('answers 301 by default, with the whole path replaced and the query kept, and forwards nothing', async () => {
    const reply = await client.send(`${proxy.url}/v1/books/7?lang=en`, { headers: { host: 'books.example:8080' } });
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('http://books.example:8080/v2/books?lang=en');
    expect(reply.headers['content-length']).toBe('0');
    expect(reply.headers['x-request-id']).toMatch(/./);
    expect(reply.text).toBe('');
    expect(live.received).toHaveLength(0);
  });

  it('replaces the authority, scheme and port it names, with its redirectCode and the route response headers', async () => {
    const reply = await client.send(`${proxy.url}/shop/cart`, { headers: { host: 'books.example' } });
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe('https://shop.example:8443/shop/cart');
    expect(reply.headers['cache-control']).toBe('max-age=60');
  });

  it('a scheme change drops the port that was the old scheme default, and keeps any other', async () => {
    const defaultPort = await client.send(`${proxy.url}/login`, { headers: { host: 'books.example:80' } });
    expect(defaultPort.status).toBe(302);
    expect(defaultPort.headers.location).toBe('https://books.example/login');
    const otherPort = await client.send(`${proxy.url}/login`, { headers: { host: 'books.example:8080' } });
    expect(otherPort.headers.location).toBe('https://books.example:8080/login');
  });

  it('gives a relative Location to a request without Host (HTTP/1.0)', async () => {
    const answer = await rawRequest(proxy.port, 'GET /v1/x?a=1 HTTP/1.0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 301 /);
    expect(answer).toContain('location: /v2/books?a=1\r\n');
  });

  it('an injected fault comes first, as Envoy runs the fault filter before the router', async () => {
    expect((await client.send(`${proxy.url}/faulty`)).status).toBe(503);
  });

  it('publishes the answer as a live exchange of the route with no cluster', async () => {
    events.clear();
    await client.send(`${proxy.url}/v1/y`);
    await eventually(() => events.live.length === 1);
    expect(events.live[0]).toMatchObject({ route: 'moved', cluster: '', status: 301, errorCode: undefined, complete: true, path: '/v1/y' });
  });
});
