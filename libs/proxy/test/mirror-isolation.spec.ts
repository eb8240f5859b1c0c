import { Client } from 'undici';
import { createClient, eventually, refusedEndpoint, startUpstream, type Responder, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

/** A slow, failing or dead mirror must never cost the live request time or an error. */
describe('mirror isolation', () => {
  const client = createClient();
  let live: Upstream;
  const closers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await client.close();
    await live.close();
  });

  async function withMirror(endpoint: string): Promise<ProxyServer> {
    const proxy = await startProxy(liveAndMirror(live.endpoint, endpoint));
    closers.push(proxy);
    return proxy;
  }

  async function mirrorAnswering(respond: Responder): Promise<Upstream> {
    const mirror = await startUpstream('mirror', respond);
    closers.push(mirror);
    return mirror;
  }

  it('a mirror taking 2 s delays neither the live answer nor the next request on the same connection', async () => {
    const mirror = await mirrorAnswering((_req, res) => setTimeout(() => res.end('slow'), 2000));
    const proxy = await withMirror(mirror.endpoint);
    // One keep-alive connection: NGINX's mirror module makes request n+1 wait for mirror n here.
    const connection = new Client(proxy.url, { pipelining: 1 });
    try {
      const started = performance.now();
      for (let i = 0; i < 5; i += 1) {
        const reply = await connection.request({ path: `/books/${i}`, method: 'GET' });
        await reply.body.dump();
        expect(reply.statusCode).toBe(200);
      }
      // Waiting for the mirror would take ≥ 5 × 2 s; the bound leaves room for a loaded CI machine.
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await connection.close();
    }
    await eventually(() => mirror.received.length === 5);
  });

  const cases: [string, () => Promise<string>][] = [
    ['refuses connections', () => refusedEndpoint()],
    ['resets connections', async () => (await mirrorAnswering((req) => req.socket.destroy())).endpoint],
    [
      'answers 500',
      async () =>
        (
          await mirrorAnswering((_req, res) => {
            res.writeHead(500);
            res.end('boom');
          })
        ).endpoint,
    ],
  ];

  it.each(cases)('a mirror that %s leaves live 100 %% successful', async (_name, endpointOf) => {
    const proxy = await withMirror(await endpointOf());
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => client.send(`${proxy.url}/books/${i}`, i % 2 === 0 ? {} : { method: 'POST', body: 'payload' })),
    );
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
  });
});
