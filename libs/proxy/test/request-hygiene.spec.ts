import { createClient, rawRequest, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('request hygiene: hop-by-hop headers, x-forwarded-*, no open proxy', () => {
  const client = createClient();
  let live: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'keep-alive': 'timeout=5', 'x-upstream': 'yes', 'proxy-authenticate': 'Basic' });
      res.end('ok');
    });
    proxy = await startProxy(liveAndMirror(live.endpoint));
  });
  beforeEach(() => {
    live.received.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await live.close();
  });

  it('strips hop-by-hop request headers, including those named in Connection', async () => {
    const answer = await rawRequest(
      proxy.port,
      'GET /h HTTP/1.1\r\nHost: books.local\r\nConnection: keep-alive, x-secret-hop\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic abc\r\nX-Secret-Hop: 1\r\nX-Kept: 2\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    const headers = live.received[0]!.headers;
    for (const name of ['keep-alive', 'te', 'proxy-authorization', 'x-secret-hop']) expect(headers[name]).toBeUndefined();
    expect(headers['x-kept']).toBe('2');
    expect(headers.host).toBe('books.local');
  });

  it('sets x-forwarded-for (appending), -proto and -host', async () => {
    await client.send(`${proxy.url}/f`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const headers = live.received[0]!.headers;
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe(`127.0.0.1:${proxy.port}`);
  });

  it('strips hop-by-hop response headers and keeps the others', async () => {
    const reply = await client.send(`${proxy.url}/r`);
    expect(reply.headers['x-upstream']).toBe('yes');
    expect(reply.headers['proxy-authenticate']).toBeUndefined();
  });

  it('refuses an absolute-form request target (not an open proxy)', async () => {
    const answer = await rawRequest(proxy.port, 'GET http://example.com/steal HTTP/1.1\r\nHost: example.com\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(answer).toContain('"code":"ABSOLUTE_FORM_REFUSED"');
    expect(live.received).toHaveLength(0);
  });

  it('answers a malformed request with 400 (Node rejects it before the proxy)', async () => {
    const answer = await rawRequest(proxy.port, 'GET /x HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(live.received).toHaveLength(0);
  });
});
