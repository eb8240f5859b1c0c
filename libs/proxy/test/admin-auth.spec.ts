import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { createProxyStats, startAdminServer, type AdminServer, type ProxyStats } from '../src';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('admin auth: with a token, writes need Authorization: Bearer <token>; reads stay open', () => {
  const TOKEN = 'admin-token-0123456789abcdef';
  const client = createClient();
  let v1: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let admin: AdminServer;
  let base: string;
  const putWeights = (headers: Record<string, string>) =>
    client.send(`${base}/routes/all/weights`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ weights: { live: 100 } }),
    });

  beforeAll(async () => {
    v1 = await startUpstream('v1');
    proxy = await startProxy(liveAndMirror(v1.endpoint));
    stats = createProxyStats({ proxy: proxy.proxy });
    admin = await startAdminServer({
      port: 0,
      stats,
      config: () => proxy.proxy.config,
      ready: () => true,
      writes: { proxy: proxy.proxy, token: TOKEN },
    });
    base = `http://127.0.0.1:${admin.address.port}`;
  });
  afterAll(async () => {
    stats.close();
    await admin.close();
    await client.close();
    await proxy.close();
    await v1.close();
  });

  it('refuses a write without the token, or with a wrong one, with 401 and WWW-Authenticate: Bearer', async () => {
    const before = proxy.proxy.config;
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Basic ${TOKEN}` },
      { authorization: `Bearer ${TOKEN}x` },
    ];
    for (const headers of wrong) {
      const reply = await putWeights(headers);
      expect(reply.status).toBe(401);
      expect(reply.headers['www-authenticate']).toMatch(/^Bearer\b/);
      expect(reply.text).not.toContain(TOKEN);
    }
    expect(proxy.proxy.config).toBe(before);
  });

  it('accepts the token (the scheme in any case)', async () => {
    expect((await putWeights({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await putWeights({ authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('keeps GET endpoints open, and the token out of /config, /stats and /metrics', async () => {
    for (const path of ['/config', '/stats', '/metrics', '/health/ready']) {
      const reply = await client.send(`${base}${path}`);
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain(TOKEN);
    }
  });
});
