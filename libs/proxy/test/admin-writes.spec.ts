import { Readable } from 'node:stream';
import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats, redactConfig, REDACTED, startAdminServer, type AdminChange, type AdminServer, type ProxyStats } from '../src';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('admin writes: PUT /routes/<name>/weights and PUT /config, validated like the config file, applied atomically', () => {
  const client = createClient();
  const changes: AdminChange[] = [];
  let v1: Upstream;
  let v2: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let admin: AdminServer;
  let base: string;

  const config = (v1Endpoint: string, v2Endpoint: string, withMirror = true) => ({
    clusters: [
      { name: 'v1', endpoints: [v1Endpoint] },
      { name: 'v2', endpoints: [v2Endpoint] },
    ],
    routes: [
      { name: 'health', match: [{ uri: { exact: '/health' } }], route: [{ destination: { cluster: 'v1' } }] },
      {
        name: 'books',
        route: [{ destination: { cluster: 'v1' } }],
        ...(withMirror ? { mirror: { cluster: 'v2', headers: { request: { set: { authorization: 'Bearer mirror-secret' } } } } } : {}),
      },
    ],
  });
  const put = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    client.send(`${base}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const liveCounts = async (n: number) => {
    const before = { v1: v1.received.length, v2: v2.received.length };
    for (let i = 0; i < n; i += 1) expect((await client.send(`${proxy.url}/books/${i}`)).status).toBe(200);
    return { v1: v1.received.length - before.v1, v2: v2.received.length - before.v2 };
  };

  beforeAll(async () => {
    [v1, v2] = await Promise.all([startUpstream('v1'), startUpstream('v2')]);
    proxy = await startProxy(config(v1.endpoint, v2.endpoint));
    stats = createProxyStats({ proxy: proxy.proxy });
    admin = await startAdminServer({
      port: 0,
      stats,
      config: () => redactConfig(proxy.proxy.config),
      ready: () => true,
      writes: { proxy: proxy.proxy, onApplied: (change) => changes.push(change), bound: proxy.proxy.config },
    });
    base = `http://127.0.0.1:${admin.address.port}`;
  });
  afterAll(async () => {
    stats.close();
    await admin.close();
    await client.close();
    await proxy.close();
    await Promise.all([v1.close(), v2.close()]);
  });

  it('moves live traffic to the weights given, answers the config in force (redacted) and reports what changed', async () => {
    // No mirror, so the upstreams count live requests only.
    expect((await put('/config', config(v1.endpoint, v2.endpoint, false))).status).toBe(200);
    expect(await liveCounts(20)).toEqual({ v1: 20, v2: 0 });

    const reply = await put('/routes/books/weights', { weights: { v2: 100 } });
    expect(reply.status).toBe(200);
    const answered = JSON.parse(reply.text);
    expect(answered.routes[1].route).toEqual([{ destination: { cluster: 'v2' }, weight: 100 }]);
    expect(await liveCounts(20)).toEqual({ v1: 0, v2: 20 });
    expect(changes.at(-1)).toEqual({ kind: 'weights', route: 'books', before: { v1: 100 }, after: { v2: 100 } });

    // A split: both sides get a share (generous bounds: 200 draws at 50/50).
    expect((await put('/routes/books/weights', { weights: { v1: 50, v2: 50 } })).status).toBe(200);
    const split = await liveCounts(200);
    expect(split.v1).toBeGreaterThan(40);
    expect(split.v2).toBeGreaterThan(40);
    expect(split.v1 + split.v2).toBe(200);
  });

  it('answers the config redacted, as GET /config does', async () => {
    const reply = await put('/config', config(v1.endpoint, v2.endpoint));
    expect(reply.status).toBe(200);
    expect(reply.text).not.toContain('mirror-secret');
    expect(JSON.parse(reply.text).routes[1].mirror.headers.request.set.authorization).toBe(REDACTED);
    expect(proxy.proxy.config.routes[1]?.mirror?.headers?.request.set?.authorization).toBe('Bearer mirror-secret');
    expect(reply.text).toBe((await client.send(`${base}/config`)).text);
    // Weights keep the mirror's real header (the change is built from the config in force, not from its redacted view).
    expect((await put('/routes/books/weights', { weights: { v1: 100 } })).status).toBe(200);
    expect(proxy.proxy.config.routes[1]?.mirror?.headers?.request.set?.authorization).toBe('Bearer mirror-secret');
    expect(changes.at(-2)).toMatchObject({ kind: 'config', routes: { changed: ['books'] }, clusters: { added: [], removed: [] } });
    expect(JSON.stringify(changes)).not.toContain('mirror-secret');
  });

  it('applies a config whose listener moved, and warns that the address changes only on restart', async () => {
    const listening = proxy.proxy.config.listener;
    const moved = { ...config(v1.endpoint, v2.endpoint), listener: { host: '127.0.0.1', port: listening.port + 1 } };
    const reply = await put('/config', moved);
    expect(reply.status).toBe(200);
    expect(reply.headers['x-config-warning']).toBe(
      'the listener address changes only on restart: the process still listens where it started',
    );
    expect(changes.at(-1)).toMatchObject({ kind: 'config', sections: ['listener'] });
    expect((await client.send(`${proxy.url}/books/1`)).status).toBe(200);
    const back = await put('/config', { ...config(v1.endpoint, v2.endpoint), listener: listening });
    expect(back.headers['x-config-warning']).toBeUndefined();
  });

  it('refuses weights the config rules refuse, naming the path and the rule, and keeps the config', async () => {
    const before = proxy.proxy.config;
    const sum = await put('/routes/books/weights', { weights: { v1: 60, v2: 30 } });
    expect(sum.status).toBe(400);
    expect(JSON.parse(sum.text)).toMatchObject({ code: 'INVALID_CONFIG', message: 'routes[1].route weights must add up to 100 (got 90)' });
    const ghost = await put('/routes/books/weights', { weights: { ghost: 100 } });
    expect(JSON.parse(ghost.text).message).toBe('routes[1].route[0].destination.cluster "ghost" is not a defined cluster');
    const type = await put('/routes/books/weights', { weights: { v1: '100' } });
    expect(JSON.parse(type.text).message).toMatch(/^routes\[1\]\.route\[0\]\.weight must be an integer/);
    const empty = await put('/routes/books/weights', { weights: {} });
    expect(JSON.parse(empty.text).message).toMatch(/^routes\[1\]\.route must /);
    const shape = await put('/routes/books/weights', { weight: { v1: 100 } });
    expect(JSON.parse(shape.text)).toMatchObject({
      code: 'INVALID_CONFIG',
      message: 'weight is not a known key (expected only "weights")',
    });
    const badConfig = await put('/config', { ...config(v1.endpoint, v2.endpoint), extra: true });
    expect(badConfig.status).toBe(400);
    expect(JSON.parse(badConfig.text).issues).toEqual([{ path: 'extra', message: expect.stringMatching(/^is not a known key/) }]);
    expect(proxy.proxy.config).toBe(before);
  });

  it('answers 404 for an unknown route, 405 for other methods', async () => {
    const reply = await put('/routes/nope/weights', { weights: { v1: 100 } });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 'NO_SUCH_ROUTE', message: 'route "nope" is not defined' });
    expect((await client.send(`${base}/config`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await put('/metrics', {})).status).toBe(405);
  });

  it('bounds the body (413), takes JSON only (415) and names the position of bad JSON (400)', async () => {
    const big = await put('/config', `{"x":"${'a'.repeat(1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text)).toMatchObject({ code: 'BODY_TOO_LARGE', message: 'request body must be at most 1048576 bytes' });
    // Without a content-length (chunked), the bound holds as the body streams in.
    const chunks = Readable.from(
      (function* () {
        for (let i = 0; i < 40; i += 1) yield Buffer.alloc(64 * 1024, 0x20);
      })(),
    );
    const streamed = await client.send(`${base}/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: chunks });
    expect(streamed.status).toBe(413);
    const yaml = await put('/config', 'clusters: []', { 'content-type': 'application/yaml' });
    expect(yaml.status).toBe(415);
    const bad = await put('/routes/books/weights', '{"weights": {"v1": 100,}}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'BAD_JSON', message: expect.stringMatching(/position 23/) });
  });
});
