import { createClient, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Answers the statuses queued in `codes`, one per request, then 200. */
function statusQueue() {
  const codes: number[] = [];
  const respond: Parameters<typeof startUpstream>[1] = (_req, res) => {
    res.writeHead(codes.shift() ?? 200);
    res.end();
  };
  return { codes, respond };
}

const route = (name: string, cluster: string, retryOn: string) => ({
  name,
  match: [{ uri: { prefix: `/${name}` } }],
  route: [{ destination: { cluster } }],
  retries: { attempts: 2, retryOn },
});

describe('regression: retryOn "5xx" did not retry connect failures and resets (Envoy\'s 5xx includes them)', () => {
  const client = createClient();
  const events = recordEvents();
  const queue = statusQueue();
  let healthy: Upstream;
  let resetting: Upstream;
  let flaky: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    healthy = await startUpstream('healthy', (_req, res) => res.end('ok'));
    resetting = await startUpstream('resetting', (_req, res) => res.socket?.destroy());
    flaky = await startUpstream('flaky', queue.respond);
    proxy = await startProxy({
      clusters: [
        { name: 'half-dead', endpoints: [await refusedEndpoint(), healthy.endpoint] },
        { name: 'half-resetting', endpoints: [resetting.endpoint, healthy.endpoint] },
        { name: 'flaky', endpoints: [flaky.endpoint] },
      ],
      routes: [
        route('five-dead', 'half-dead', '5xx'),
        route('five-reset', 'half-resetting', '5xx'),
        route('gateway-dead', 'half-dead', 'gateway-error'),
        route('five', 'flaky', '5xx'),
        route('gateway', 'flaky', 'gateway-error'),
        route('codes', 'flaky', 'connect-failure,503'),
        route('listed', 'flaky', 'retriable-status-codes,429'),
        route('four', 'flaky', 'retriable-4xx'),
      ],
    });
  });
  beforeEach(() => {
    events.clear();
    queue.codes.length = 0;
    flaky.received.length = 0;
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await Promise.all([healthy.close(), resetting.close(), flaky.close()]);
  });

  const sendMany = async (path: string, n: number) =>
    (await Promise.all(Array.from({ length: n }, () => client.send(`${proxy.url}${path}`)))).map((r) => r.status);

  it('5xx retries a refused connection on the other endpoint: none of 40 GETs fails', async () => {
    expect(await sendMany('/five-dead', 40)).toEqual(Array(40).fill(200));
    expect(events.live.some((e) => e.attempts === 2)).toBe(true);
  });

  it('5xx retries a reset on the other endpoint', async () => {
    expect(await sendMany('/five-reset', 20)).toEqual(Array(20).fill(200));
  });

  it('gateway-error retries a refused connection too (Envoy counts a reset as the 502 it becomes)', async () => {
    expect(await sendMany('/gateway-dead', 20)).toEqual(Array(20).fill(200));
  });

  it.each([
    ['/five', 500, true],
    ['/five', 503, true],
    ['/gateway', 502, true],
    ['/gateway', 504, true],
    ['/gateway', 500, false],
    ['/codes', 503, true],
    ['/codes', 502, false],
    ['/listed', 429, true],
    ['/listed', 503, false],
    ['/four', 409, true],
    ['/four', 404, false],
  ])('%s: an answer %i is retried: %s', async (path, status, retried) => {
    queue.codes.push(status);
    expect(await client.send(`${proxy.url}${path}`)).toMatchObject({ status: retried ? 200 : status });
    expect(flaky.received).toHaveLength(retried ? 2 : 1);
  });
});
