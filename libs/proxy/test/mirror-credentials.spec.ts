import { createClient, eventually, rawRequest, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

/**
 * Regression (issue item 9): the mirror copy carried the user's authorization and cookie
 * headers to the candidate, unreleased code, unless the route removed them.
 */
describe('mirror credentials: the copy goes without the user credentials unless the route forwards them', () => {
  const client = createClient();
  const credentials = {
    authorization: 'Bearer user-token',
    cookie: 'session=abc',
    'x-api-key': 'key-123',
    'api-key': 'key-456',
    'x-auth-token': 'tok-789',
    'ocp-apim-subscription-key': 'sub-1',
    'x-amz-security-token': 'amz-1',
  };
  let live: Upstream;
  let mirror: Upstream;

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
  });
  beforeEach(() => {
    live.received.length = 0;
    mirror.received.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  const exchange = async (proxy: ProxyServer) => {
    const reply = await client.send(`${proxy.url}/books/1`, { headers: { ...credentials, 'x-kept': 'yes' } });
    expect(reply.status).toBe(200);
    await eventually(() => mirror.received.length === 1);
    return { l: live.received[0]!, m: mirror.received[0]! };
  };

  describe('by default', () => {
    let proxy: ProxyServer;
    beforeAll(async () => {
      proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint));
    });
    afterAll(() => proxy.close());

    it('strips every credential header from the copy and keeps the others', async () => {
      const { m } = await exchange(proxy);
      for (const name of Object.keys(credentials)) expect(m.headers[name]).toBeUndefined();
      expect(m.headers['x-kept']).toBe('yes');
      expect(m.headers['x-request-id']).toBeDefined();
    });

    it('still gives the live upstream every credential', async () => {
      const { l } = await exchange(proxy);
      for (const [name, value] of Object.entries(credentials)) expect(l.headers[name]).toBe(value);
    });

    it('strips them whatever their case and however often they are repeated', async () => {
      const answer = await rawRequest(
        proxy.port,
        'GET /books/2 HTTP/1.1\r\nHost: b\r\nAuthorization: Basic a\r\nCOOKIE: a=1\r\nCookie: b=2\r\nX-Api-Key: k\r\nConnection: close\r\n\r\n',
      );
      expect(answer).toMatch(/^HTTP\/1.1 200/);
      await eventually(() => mirror.received.length === 1);
      const raw = mirror.received[0]!.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      for (const name of ['authorization', 'cookie', 'x-api-key']) expect(raw).not.toContain(name);
    });
  });

  describe('with mirror.forwardCredentials: true', () => {
    let proxy: ProxyServer;
    beforeAll(async () => {
      proxy = await startProxy(liveAndMirror(live.endpoint, mirror.endpoint, { mirror: { cluster: 'mirror', forwardCredentials: true } }));
    });
    afterAll(() => proxy.close());

    it('gives the copy the same credentials as live', async () => {
      const { m } = await exchange(proxy);
      for (const [name, value] of Object.entries(credentials)) expect(m.headers[name]).toBe(value);
    });
  });

  it('lets the route give the copy a credential of its own (headers.request.set) while dropping the user one', async () => {
    const proxy = await startProxy(
      liveAndMirror(live.endpoint, mirror.endpoint, {
        mirror: { cluster: 'mirror', headers: { request: { set: { authorization: 'Bearer mirror-only' } } } },
      }),
    );
    try {
      const { l, m } = await exchange(proxy);
      expect(m.headers.authorization).toBe('Bearer mirror-only');
      expect(m.headers.cookie).toBeUndefined();
      expect(l.headers.authorization).toBe('Bearer user-token');
    } finally {
      await proxy.close();
    }
  });
});
