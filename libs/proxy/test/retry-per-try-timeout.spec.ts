import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Answers after `ms`, unless the proxy gave up on it first. */
const answerAfter =
  (ms: number): Parameters<typeof startUpstream>[1] =>
  (_req, res) => {
    const timer = setTimeout(() => res.end('slow'), ms);
    res.on('close', () => clearTimeout(timer));
  };

const retriesOn = (retries: Record<string, unknown>, timeout: string) => ({ timeout, retries });

describe('regression: a perTryTimeout ended the exchange with 504 instead of retrying', () => {
  const client = createClient();
  const events = recordEvents();
  let slow: Upstream;
  let fast: Upstream;
  let proxy: ProxyServer;

  beforeAll(async () => {
    slow = await startUpstream('slow', answerAfter(3000));
    fast = await startUpstream('fast', (_req, res) => res.end('fast'));
    const retry = { attempts: 2, perTryTimeout: '300ms', retryOn: '5xx,gateway-error,reset,connect-failure' };
    proxy = await startProxy({
      clusters: [
        { name: 'pair', endpoints: [slow.endpoint, fast.endpoint] },
        { name: 'slow', endpoints: [slow.endpoint] },
      ],
      routes: [
        { name: 'pair', match: [{ uri: { prefix: '/pair' } }], route: [{ destination: { cluster: 'pair' } }], ...retriesOn(retry, '5s') },
        { name: 'slow', match: [{ uri: { prefix: '/slow' } }], route: [{ destination: { cluster: 'slow' } }], ...retriesOn(retry, '10s') },
        {
          name: 'deadline',
          match: [{ uri: { prefix: '/deadline' } }],
          route: [{ destination: { cluster: 'slow' } }],
          ...retriesOn({ ...retry, attempts: 10 }, '1s'),
        },
        {
          name: 'connect-only',
          match: [{ uri: { prefix: '/connect-only' } }],
          route: [{ destination: { cluster: 'slow' } }],
          ...retriesOn({ ...retry, retryOn: 'connect-failure' }, '5s'),
        },
      ],
    });
  });
  beforeEach(() => {
    events.clear();
    slow.received.length = 0;
    fast.received.length = 0;
  });
  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await Promise.all([slow.close(), fast.close()]);
  });

  it('retries a timed-out attempt on the other endpoint: every GET gets the fast answer', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => client.send(`${proxy.url}/pair`)));
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(replies.every((r) => r.text === 'fast')).toBe(true);
    // Round robin sent about half of the first attempts to the slow endpoint; each was retried once.
    expect(slow.received.length).toBeGreaterThan(0);
    expect(events.live.filter((e) => e.attempts === 2)).toHaveLength(slow.received.length);
  });

  it('with one slow endpoint, tries attempts + 1 times within the route timeout, then answers 504', async () => {
    const reply = await client.send(`${proxy.url}/slow`);
    expect(reply.status).toBe(504);
    expect(slow.received).toHaveLength(3);
    expect(events.live.at(-1)).toMatchObject({ status: 504, errorCode: 'UPSTREAM_TIMEOUT', attempts: 3 });
    // Three tries of 300 ms each, far from the route's 10 s.
    expect(reply.ms).toBeGreaterThanOrEqual(850);
    expect(reply.ms).toBeLessThan(8000);
  });

  it("ends the exchange at the route's deadline, whatever attempts are left", async () => {
    const reply = await client.send(`${proxy.url}/deadline`);
    expect(reply.status).toBe(504);
    const last = events.live.at(-1);
    expect(last).toMatchObject({ status: 504, errorCode: 'UPSTREAM_TIMEOUT' });
    expect(last?.attempts).toBeGreaterThanOrEqual(2);
    expect(last?.attempts).toBeLessThanOrEqual(4);
    // The deadline is the behaviour here: 1 s, with a wide margin for a busy machine.
    expect(reply.ms).toBeGreaterThanOrEqual(950);
    expect(reply.ms).toBeLessThan(3500);
  });

  it('does not retry a per-try timeout when retryOn names only connect-failure (as Envoy)', async () => {
    expect(await client.send(`${proxy.url}/connect-only`)).toMatchObject({ status: 504 });
    expect(slow.received).toHaveLength(1);
    expect(events.live.at(-1)).toMatchObject({ attempts: 1 });
  });
});
