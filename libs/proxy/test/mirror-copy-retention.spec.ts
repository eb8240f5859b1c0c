import { eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createProxy, type Proxy } from '../src';
import { liveAndMirror } from './support/proxy-server';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** One GET on its own connection, closed once answered: nothing of the client's keeps the request alive. */
function getOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ port, host: '127.0.0.1', path: '/books/1', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

describe('regression: a waiting mirror copy kept its live request and response alive', () => {
  let live: Upstream;
  let mirror: Server;
  let server: Server;
  let proxy: Proxy;
  let port: number;
  const seen: WeakRef<IncomingMessage>[] = [];

  beforeAll(async () => {
    live = await startUpstream('live');
    // Accepts the copies and never answers: each stays in flight until its timeout.
    mirror = createServer(() => undefined);
    const mirrorPort = await listen(mirror);
    proxy = createProxy(liveAndMirror(live.endpoint, `127.0.0.1:${mirrorPort}`, { mirror: { cluster: 'mirror', timeout: '60s' } }), {
      closeGraceMs: 100,
    });
    server = createServer((req, res) => {
      seen.push(new WeakRef(req));
      proxy.handle(req, res);
    });
    port = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    mirror.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await proxy.close({ graceMs: 0 });
    await new Promise<void>((resolve) => mirror.close(() => resolve()));
    await live.close();
  });

  it('lets the live request go once answered, while its copy still waits on the mirror', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await getOnce(port));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(proxy.stats().mirrorInflight['mirror']).toBe(5);
    await eventually(() => {
      gc();
      return seen.every((ref) => ref.deref() === undefined);
    }, 10_000);
    // The copies are still there: only what they do not need was let go.
    expect(proxy.stats().mirrorInflight['mirror']).toBe(5);
  });
});
