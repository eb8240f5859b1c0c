import { createClient, refusedEndpoint, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror, startProxy, type ProxyServer } from './support/proxy-server';

describe('upstream failures map to 502/504 with a small JSON body and never crash the proxy', () => {
  const client = createClient();
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(() => client.close());

  async function proxyTo(upstream: Upstream | string, route: Record<string, unknown> = {}): Promise<ProxyServer> {
    const proxy = await startProxy(liveAndMirror(typeof upstream === 'string' ? upstream : upstream.endpoint, undefined, route));
    servers.push(proxy);
    return proxy;
  }

  it('answers 502 UPSTREAM_REFUSED when the upstream refuses connections', async () => {
    const proxy = await proxyTo(await refusedEndpoint());
    const reply = await client.send(`${proxy.url}/x`);
    expect(reply.status).toBe(502);
    expect(JSON.parse(reply.text)).toEqual({ code: 'UPSTREAM_REFUSED', message: 'upstream refused the connection' });
    expect(reply.text).not.toMatch(/127\.0\.0\.1|at /);
  });

  it('answers 504 UPSTREAM_TIMEOUT when the upstream is slower than the route timeout', async () => {
    const slow = await startUpstream('slow', (_req, res) => setTimeout(() => res.end('late'), 1000));
    servers.push(slow);
    const proxy = await proxyTo(slow, { timeout: '150ms' });
    const reply = await client.send(`${proxy.url}/x`);
    expect(reply.status).toBe(504);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(reply.ms).toBeLessThan(900);
  });

  it('answers 502 UPSTREAM_RESET when the upstream resets before answering', async () => {
    const rude = await startUpstream('rude', (req) => req.socket.destroy());
    servers.push(rude);
    const proxy = await proxyTo(rude);
    const reply = await client.send(`${proxy.url}/x`);
    expect(reply.status).toBe(502);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 'UPSTREAM_RESET' });
  });

  it('cuts the client connection when the upstream resets mid-body, and keeps serving', async () => {
    let calls = 0;
    const flaky = await startUpstream('flaky', (req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('partial');
        setTimeout(() => req.socket.destroy(), 20);
      } else res.end('fine');
    });
    servers.push(flaky);
    const proxy = await proxyTo(flaky);
    await expect(client.send(`${proxy.url}/x`)).rejects.toThrow();
    const after = await client.send(`${proxy.url}/x`);
    expect(after).toMatchObject({ status: 200, text: 'fine' });
  });

  it('passes upstream error statuses through untouched', async () => {
    const failing = await startUpstream('failing', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    });
    servers.push(failing);
    const proxy = await proxyTo(failing);
    expect(await client.send(`${proxy.url}/x`)).toMatchObject({ status: 503, text: 'down for maintenance' });
  });
});
