import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { createProxy, MAX_MIRRORS_PER_ROUTE, type Proxy } from '../src';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { liveAndMirrors, startProxy, type ProxyServer } from './support/proxy-server';

/** 1,000 requests take a second alone, far more on a CI machine running other suites. */
const LONG_TEST_MS = 60_000;

/** Several mirrors per route (Istio's `mirrors`): every selected mirror gets its own copy, made by its own options. */
describe('mirrors: several per route', () => {
  const client = createClient();
  const events = recordEvents();
  let live: Upstream;
  const closers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close()));
    events.clear();
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await live.close();
  });

  async function setUp(mirrors: readonly Record<string, unknown>[], config: Record<string, unknown> = {}) {
    const a = await startUpstream('a');
    const b = await startUpstream('b');
    const proxy = await startProxy(liveAndMirrors(live.endpoint, { a: a.endpoint, b: b.endpoint }, mirrors, { config }));
    closers.push(proxy, a, b);
    return { a, b, proxy };
  }

  it('sends one copy to each mirror, each with its own host, credentials and headers', async () => {
    const { a, b, proxy } = await setUp([
      { cluster: 'a', headers: { request: { set: { 'x-mirror': 'a' } } } },
      { cluster: 'b', shadowHostSuffix: false, forwardCredentials: true, headers: { request: { set: { 'x-mirror': 'b' } } } },
    ]);
    const reply = await client.send(`${proxy.url}/books/1`, { headers: { authorization: 'Bearer t', 'x-request-id': 'both-1' } });
    expect(reply.status).toBe(200);
    await eventually(() => a.received.length === 1 && b.received.length === 1 && events.mirror.length === 2);
    const host = `127.0.0.1:${proxy.port}`;
    expect(a.received[0]?.headers).toMatchObject({ host: host.replace(':', '-shadow:'), 'x-mirror': 'a', 'x-request-id': 'both-1' });
    expect(a.received[0]?.headers.authorization).toBeUndefined();
    expect(b.received[0]?.headers).toMatchObject({ host, authorization: 'Bearer t', 'x-mirror': 'b', 'x-request-id': 'both-1' });
    expect(events.mirror.map((e) => [e.cluster, e.status, e.requestId]).sort()).toEqual([
      ['a', 200, 'both-1'],
      ['b', 200, 'both-1'],
    ]);
    expect(live.received.filter((r) => r.headers['x-request-id'] === 'both-1')).toHaveLength(1);
  });

  it('filters methods per mirror', async () => {
    const { a, b, proxy } = await setUp([{ cluster: 'a', methods: ['POST'] }, { cluster: 'b' }]);
    await client.send(`${proxy.url}/m`);
    await client.send(`${proxy.url}/m`, { method: 'POST', body: 'x' });
    await eventually(() => a.received.length === 1 && b.received.length === 2);
    expect(a.received.map((r) => r.method)).toEqual(['POST']);
  });

  it(
    'draws each mirror’s percentage on its own: 50 % and 50 % give each about half and both about a quarter',
    async () => {
      const { a, b, proxy } = await setUp([
        { cluster: 'a', percentage: { value: 50 } },
        { cluster: 'b', percentage: { value: 50 } },
      ]);
      const total = 1000;
      for (let sent = 0; sent < total; sent += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) => client.send(`${proxy.url}/p`, { headers: { 'x-request-id': `p-${sent + i}` } })),
        );
      }
      // Copies are fire-and-forget: wait until the counts stop moving.
      let settled = -1;
      for (let i = 0; i < 50 && settled !== a.received.length + b.received.length; i += 1) {
        settled = a.received.length + b.received.length;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const toA = new Set(a.received.map((r) => r.headers['x-request-id']));
      const both = b.received.filter((r) => toA.has(r.headers['x-request-id'])).length;
      // Binomial bounds at ≥ 5 standard deviations (σ ≈ 1.6 % and 1.4 % of 1,000).
      for (const share of [a.received.length, b.received.length]) {
        expect(share).toBeGreaterThanOrEqual(420);
        expect(share).toBeLessThanOrEqual(580);
      }
      expect(both).toBeGreaterThanOrEqual(180);
      expect(both).toBeLessThanOrEqual(320);
    },
    LONG_TEST_MS,
  );

  it('a mirror at 0 % gets nothing while its neighbour at 100 % gets every copy', async () => {
    const { a, b, proxy } = await setUp([{ cluster: 'a', percentage: { value: 0 } }, { cluster: 'b' }]);
    await Promise.all(Array.from({ length: 20 }, () => client.send(`${proxy.url}/z`)));
    await eventually(() => b.received.length === 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.received).toHaveLength(0);
  });

  it('counts a request whose body never arrived whole as incomplete_request, once for each mirror it was drawn for', async () => {
    const { a, b, proxy } = await setUp([{ cluster: 'a' }, { cluster: 'b', methods: ['GET'] }]);
    const req = httpRequest(`${proxy.url}/upload`, { method: 'POST', headers: { 'content-length': '100', 'x-request-id': 'gone-1' } });
    req.on('error', () => undefined);
    req.write('only part of it');
    await eventually(() => proxy.proxy.stats().liveInflight === 1);
    req.destroy();
    await eventually(() => events.live.some((e) => e.requestId === 'gone-1') && events.dropped.length === 1);
    expect(events.dropped).toEqual([expect.objectContaining({ cluster: 'a', reason: 'incomplete_request', requestId: 'gone-1' })]);
    expect(a.received.length + b.received.length).toBe(0);
  });

  it('tees a streamed body once per copy, each bounded alone: one copy past its maxBodyBytes is dropped, the other arrives whole', async () => {
    const { a, b, proxy } = await setUp([{ cluster: 'a', maxBodyBytes: 64 * 1024 }, { cluster: 'b' }], {
      limits: { requestBufferBytes: 1024 },
    });
    const chunk = Buffer.alloc(16 * 1024, 's');
    // No content-length: the size shows only as it streams, so each tee has to bound itself.
    const body = Readable.from(Array.from({ length: 16 }, () => chunk));
    const reply = await client.send(`${proxy.url}/upload`, { method: 'POST', body });
    expect(reply.status).toBe(200);
    await eventually(() => b.received.length === 1 && events.dropped.length === 1);
    expect(b.received[0]?.body.length).toBe(256 * 1024);
    expect(events.dropped).toEqual([expect.objectContaining({ cluster: 'a', reason: 'body_too_large' })]);
    expect(live.received.at(-1)?.body.length).toBe(256 * 1024);
    await eventually(() => proxy.proxy.stats().mirrorBufferedBytes === 0);
    expect(a.received).toHaveLength(0);
  });
});

/** The most mirrors a route may have, on a streamed body: one tee each, every one whole. */
describe('mirrors: eight copies of a streamed body', () => {
  const client = createClient();
  const upstreams: Upstream[] = [];
  let proxy: Proxy;
  let server: Server;
  let url: string;
  const requests: IncomingMessage[] = [];

  beforeAll(async () => {
    for (let i = 0; i <= MAX_MIRRORS_PER_ROUTE; i += 1) upstreams.push(await startUpstream(`u${i}`));
    const [live, ...mirrors] = upstreams as [Upstream, ...Upstream[]];
    const endpoints = Object.fromEntries(mirrors.map((m, i) => [`m${i}`, m.endpoint]));
    const mirrorList = mirrors.map((_, i) => ({ cluster: `m${i}` }));
    proxy = createProxy(liveAndMirrors(live.endpoint, endpoints, mirrorList, { config: { limits: { requestBufferBytes: 1024 } } }));
    // Served here rather than by startProxy, to see the listeners the copies put on the request.
    server = createServer((req, res) => {
      requests.push(req);
      proxy.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await proxy.close({ graceMs: 500 });
    await Promise.all(upstreams.map((u) => u.close()));
  });

  it('reaches every mirror whole, within the request’s listener limit while it streams', async () => {
    const body = new PassThrough();
    const chunk = Buffer.alloc(8 * 1024, 'e');
    const sent = client.send(`${url}/upload`, { method: 'POST', body });
    body.write(chunk);
    // Past requestBufferBytes the body streams: live's pipe and the eight tees now listen on it.
    await eventually(() => requests.length === 1 && requests[0]!.listenerCount('data') >= 1 + MAX_MIRRORS_PER_ROUTE);
    const req = requests[0]!;
    for (const event of ['data', 'end', 'close', 'error']) expect(req.listenerCount(event)).toBeLessThanOrEqual(req.getMaxListeners());
    for (let i = 1; i < 8; i += 1) body.write(chunk);
    body.end();
    expect((await sent).status).toBe(200);
    await eventually(() => upstreams.every((u) => u.received.length === 1));
    expect(upstreams.map((u) => u.received[0]?.body.length)).toEqual(upstreams.map(() => 64 * 1024));
    await eventually(() => proxy.stats().mirrorBufferedBytes === 0);
  });
});

/** A body read whole is one buffer for live and every copy; the budget counts what each copy holds. */
describe('mirrors: a whole body is shared and charged once per copy', () => {
  const client = createClient();
  let live: Upstream;
  let proxy: ProxyServer;
  const hung: Upstream[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    // Read the copy, never answer: each copy stays in flight, holding its body.
    for (const name of ['a', 'b']) hung.push(await startUpstream(name, () => undefined));
    const [a, b] = hung as [Upstream, Upstream];
    proxy = await startProxy(liveAndMirrors(live.endpoint, { a: a.endpoint, b: b.endpoint }, [{ cluster: 'a' }, { cluster: 'b' }]));
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([live, ...hung].map((u) => u.close()));
  });

  it('holds the body once in memory but charges limits.mirrorBufferBytes for each copy in flight', async () => {
    const reply = await client.send(`${proxy.url}/upload`, { method: 'POST', body: Buffer.alloc(1000, 'w') });
    expect(reply.status).toBe(200);
    await eventually(() => hung.every((u) => u.received.length === 1));
    expect(proxy.proxy.stats()).toMatchObject({ mirrorBufferedBytes: 2000, mirrorInflight: { a: 1, b: 1 } });
  });
});
