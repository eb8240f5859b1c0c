import { rawRequest, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

/**
 * Regression: the chaos corpus found requests with two Host fields, a Host list or an invalid
 * Host value answered 200 (forwarded), and `Host: [::1` forwarded upstream then 502. RFC 9112
 * §3.2 requires 400, before any route is matched or any upstream reached.
 */
describe('duplicate or invalid Host is forwarded instead of refused with 400', () => {
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    live = await startUpstream('live');
    mirror = await startUpstream('mirror');
    proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint));
  });
  beforeEach(() => {
    live.received.length = 0;
    mirror.received.length = 0;
  });
  afterAll(async () => {
    await proxy.close();
    await live.close();
    await mirror.close();
  });

  const send = (hostLines: string) => rawRequest(proxy.port, `GET /books HTTP/1.1\r\n${hostLines}Connection: close\r\n\r\n`);

  it.each([
    ['two identical Host fields', 'Host: books.local\r\nHost: books.local\r\n'],
    ['two different Host fields', 'Host: books.local\r\nhost: evil.example\r\n'],
  ])('refuses %s with 400 BAD_HOST and reaches no upstream', async (_name, lines) => {
    const answer = await send(lines);
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(answer).toContain('"code":"BAD_HOST"');
    expect(answer).toContain('at most one Host field');
    expect(live.received).toHaveLength(0);
    expect(mirror.received).toHaveLength(0);
  });

  it.each(['books.local, evil.example', 'a b', 'a@b', 'a/b', '[::1', 'a\\b', 'a:b:c', 'host:port', 'h\u00ffst'])(
    'refuses Host %j with 400 BAD_HOST and reaches no upstream',
    async (value) => {
      const answer = await send(`Host: ${value}\r\n`);
      expect(answer).toMatch(/^HTTP\/1.1 400/);
      expect(answer).toContain('"code":"BAD_HOST"');
      expect(live.received).toHaveLength(0);
      expect(mirror.received).toHaveLength(0);
    },
  );

  it.each(['books.local', 'books.local:8080', '127.0.0.1:9', '[::1]:8080', ''])('still forwards a valid Host %j', async (value) => {
    const answer = await send(`Host: ${value}\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(live.received).toHaveLength(1);
  });

  it('still forwards an HTTP/1.0 request without Host', async () => {
    const answer = await rawRequest(proxy.port, 'GET /books HTTP/1.0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 200/);
  });
});
