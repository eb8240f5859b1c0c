import { createProxyStats, type ProxyStats } from '../src';
import { recordEvents } from './support/channel-recorder';
import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('retries: only replayable requests (no body, or one read whole), only on the listed conditions', () => {
  const client = createClient();
  const events = recordEvents();
  let flaky: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let failuresLeft = 0;

  beforeAll(async () => {
    flaky = await startUpstream('flaky', (req, res) => {
      if (req.url === '/partial') {
        // A status line and some body, then a reset: the client already has bytes.
        res.writeHead(200, { 'content-length': 100 });
        return void res.write('x'.repeat(50), () => setTimeout(() => res.socket?.destroy(), 20));
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503);
        return void res.end('busy');
      }
      res.end('ok');
    });
    proxy = await startProxy({
      ...liveAndMirror(flaky.endpoint, undefined, { retries: { attempts: 2, retryOn: 'gateway-error' } }),
      limits: { requestBufferBytes: 16 },
    });
    stats = createProxyStats({ proxy: proxy.proxy });
  });
  beforeEach(() => {
    events.clear();
    flaky.received.length = 0;
  });
  afterAll(async () => {
    events.stop();
    stats.close();
    await client.close();
    await proxy.close();
    await flaky.close();
  });

  it('retries a GET answered 503 and returns the successful answer', async () => {
    failuresLeft = 2;
    expect(await client.send(`${proxy.url}/r`)).toMatchObject({ status: 200, text: 'ok' });
    expect(flaky.received).toHaveLength(3);
    expect(events.live.at(-1)).toMatchObject({ status: 200, attempts: 3 });
  });

  it('counts each retry against the cluster in mirrormesh_upstream_retries_total and /stats', async () => {
    const before = stats.snapshot().retries.find((r) => r.cluster === 'live')?.count ?? 0;
    failuresLeft = 2;
    expect(await client.send(`${proxy.url}/r`)).toMatchObject({ status: 200 });
    expect(stats.snapshot().retries).toEqual([{ cluster: 'live', count: before + 2 }]);
    expect(stats.renderPrometheus()).toContain(`mirrormesh_upstream_retries_total{cluster="live"} ${before + 2}`);
  });

  it('never retries once a byte reached the client: the connection is cut instead', async () => {
    await expect(client.send(`${proxy.url}/partial`)).rejects.toThrow();
    expect(flaky.received).toHaveLength(1);
    expect(events.live.at(-1)).toMatchObject({ status: 200, complete: false, errorCode: 'UPSTREAM_RESET', attempts: 1 });
  });

  it('gives up after the configured attempts and passes the last answer through', async () => {
    failuresLeft = 5;
    expect(await client.send(`${proxy.url}/r`)).toMatchObject({ status: 503, text: 'busy' });
    expect(flaky.received).toHaveLength(3);
    failuresLeft = 0;
  });

  it('retries a request whose body was read whole: it is replayed byte for byte', async () => {
    failuresLeft = 1;
    expect(await client.send(`${proxy.url}/r`, { method: 'PUT', body: 'twice' })).toMatchObject({ status: 200 });
    expect(flaky.received.map((r) => r.body.toString())).toEqual(['twice', 'twice']);
  });

  it('does not retry a request whose body streamed (larger than limits.requestBufferBytes): it cannot be replayed', async () => {
    failuresLeft = 1;
    const body = 'x'.repeat(64);
    expect(await client.send(`${proxy.url}/r`, { method: 'PUT', body })).toMatchObject({ status: 503 });
    expect(flaky.received).toHaveLength(1);
    failuresLeft = 0;
  });
});
