import { Readable } from 'node:stream';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('mirror copy: same method, path, query, headers and body; shadow host; joined request id', () => {
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const client = createClient();

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
    proxy = await startProxy(
      liveAndMirror(live.endpoint, mirror.endpoint, {
        mirror: {
          cluster: 'mirror',
          headers: { request: { set: { 'x-mirror': 'true' }, add: { 'x-extra': 'one' }, remove: ['authorization'] } },
        },
      }),
    );
  });

  beforeEach(() => {
    live.received.length = 0;
    mirror.received.length = 0;
  });

  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('sends the mirror an identical POST with body, except host and the configured mutations', async () => {
    const body = JSON.stringify({ rating: 5, text: 'x'.repeat(50_000) });
    const reply = await client.send(`${proxy.url}/books/2/reviews?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret', 'x-request-id': 'req-42', 'x-custom': 'a' },
      body,
    });
    expect(reply.status).toBe(200);
    await eventually(() => mirror.received.length === 1);
    const [l, m] = [live.received[0]!, mirror.received[0]!];
    expect(m.method).toBe('POST');
    expect(m.url).toBe('/books/2/reviews?lang=en');
    expect(m.body.toString()).toBe(body);
    expect(l.body.toString()).toBe(body);
    expect(m.headers['x-custom']).toBe('a');
    expect(m.headers['content-type']).toBe('application/json');
    expect(m.headers.host).toBe(`${proxy.url.slice(7).replace(/:(\d+)$/, '-shadow:$1')}`);
    expect(l.headers.host).toBe(proxy.url.slice(7));
    expect(m.headers['x-request-id']).toBe('req-42');
    expect(l.headers['x-request-id']).toBe('req-42');
    // Mutations apply to the copy only.
    expect(m.headers.authorization).toBeUndefined();
    expect(m.headers['x-mirror']).toBe('true');
    expect(m.headers['x-extra']).toBe('one');
    expect(l.headers.authorization).toBe('Bearer secret');
    expect(l.headers['x-mirror']).toBeUndefined();
    expect(l.headers['x-extra']).toBeUndefined();
  });

  it('generates one request id when the client sent none and gives it to both', async () => {
    await client.send(`${proxy.url}/books`);
    await eventually(() => mirror.received.length === 1);
    const id = live.received[0]?.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mirror.received[0]?.headers['x-request-id']).toBe(id);
  });

  it('mirrors a chunked body of unknown length', async () => {
    const body = Readable.from([Buffer.alloc(60_000, 7), Buffer.alloc(40_000, 8)]);
    const reply = await client.send(`${proxy.url}/upload`, { method: 'PUT', body });
    expect(reply.status).toBe(200);
    await eventually(() => mirror.received.length === 1);
    expect(mirror.received[0]?.body.length).toBe(100_000);
    expect(live.received[0]?.body.length).toBe(100_000);
  });
});
