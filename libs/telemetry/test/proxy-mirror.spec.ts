import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createProxy, PROXY_CHANNELS, type ExchangeEvent } from '@mirrormesh/proxy';
import { request } from 'undici';
import { MIRROR_EXCHANGE_CHANNEL, subscribeMirrorExchanges, type MirrorExchangeEvent } from '../src';
import { RecordingTelemetry } from './support/recording-telemetry';

// Compile-time check: the proxy's event satisfies what the subscriber reads.
const asMirrorEvent = (event: ExchangeEvent): MirrorExchangeEvent => event;

const WAIT_MS = 5_000;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('mirror exchanges of the real proxy become dependencies', () => {
  it('listens on the proxy channel and records the mirror status and duration', async () => {
    expect(MIRROR_EXCHANGE_CHANNEL).toBe(PROXY_CHANNELS.mirrorExchange);
    expect(asMirrorEvent).toBeInstanceOf(Function);
    const live = createServer((_req, res) => res.end('live'));
    const mirror = createServer((_req, res) => {
      res.writeHead(503);
      res.end('mirror down');
    });
    const liveEndpoint = await listen(live);
    const mirrorEndpoint = await listen(mirror);
    const proxy = createProxy({
      clusters: [
        { name: 'bookservice', endpoints: [liveEndpoint] },
        { name: 'bookservicemirror', endpoints: [mirrorEndpoint] },
      ],
      routes: [
        {
          name: 'books',
          match: [{ uri: { prefix: '/' } }],
          route: [{ destination: { cluster: 'bookservice' } }],
          mirror: { cluster: 'bookservicemirror' },
        },
      ],
    });
    const front = createServer(proxy.handle);
    const frontEndpoint = await listen(front);
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    try {
      const response = await request(`http://${frontEndpoint}/books/3/reviews`, { headers: { 'x-request-id': 'mirror-1' } });
      expect(await response.body.text()).toBe('live');
      const deadline = Date.now() + WAIT_MS;
      while (telemetry.dependencies.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      unsubscribe();
      await closeServer(front);
      await proxy.close();
      await Promise.all([closeServer(live), closeServer(mirror)]);
    }
    expect(telemetry.dependencies).toEqual([
      expect.objectContaining({
        name: 'GET /books/3/reviews',
        method: 'GET',
        target: 'bookservicemirror',
        resultCode: '503',
        success: false,
        // QueuedMs too when the copy waited for a connection (ac800dc): how long depends on the machine.
        properties: expect.objectContaining({ Mirror: 'true', route: 'books', cluster: 'bookservicemirror', RequestId: 'mirror-1' }),
      }),
    ]);
    expect(telemetry.dependencies[0]?.durationMs).toBeGreaterThan(0);
  });
});
