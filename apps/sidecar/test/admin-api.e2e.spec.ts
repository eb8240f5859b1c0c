import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { runSidecar, startSidecarProcess, tempConfig, type SidecarProcess } from './support/spawn-sidecar';

const TOKEN = 'e2e-admin-token-5f1c9a0b7d';

describe('sidecar admin API: runtime weights, bearer token, and the config file as control plane', () => {
  const client = createClient();
  let v1: Upstream;
  let v2: Upstream;
  let sidecar: SidecarProcess;
  const configFor = (v1Endpoint: string, v2Endpoint: string) => ({
    clusters: [
      { name: 'v1', endpoints: [v1Endpoint] },
      { name: 'v2', endpoints: [v2Endpoint] },
    ],
    routes: [{ name: 'books', route: [{ destination: { cluster: 'v1' } }] }],
  });
  const putWeights = (weights: Record<string, number>, token?: string) =>
    client.send(`${sidecar.adminUrl}/routes/books/weights`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ weights }),
    });
  const counts = async (n: number) => {
    const before = { v1: v1.received.length, v2: v2.received.length };
    for (let i = 0; i < n; i += 1) expect((await client.send(`${sidecar.url}/books/${i}`)).status).toBe(200);
    return { v1: v1.received.length - before.v1, v2: v2.received.length - before.v2 };
  };

  beforeAll(async () => {
    [v1, v2] = await Promise.all([startUpstream('v1'), startUpstream('v2')]);
  });
  afterEach(() => sidecar?.stop());
  afterAll(async () => {
    await client.close();
    await Promise.all([v1.close(), v2.close()]);
  });

  it('moves live traffic on PUT with the token, refuses it without (401), and logs the change without the token', async () => {
    sidecar = await startSidecarProcess(configFor(v1.endpoint, v2.endpoint), { ADMIN_TOKEN: TOKEN });
    expect(await counts(10)).toEqual({ v1: 10, v2: 0 });
    const refused = await putWeights({ v2: 100 });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer\b/);
    expect((await putWeights({ v2: 100 }, 'not-the-token-at-all')).status).toBe(401);
    expect(await counts(10)).toEqual({ v1: 10, v2: 0 });

    const applied = await putWeights({ v2: 100 }, TOKEN);
    expect(applied.status).toBe(200);
    expect(JSON.parse(applied.text).routes[0].route).toEqual([{ destination: { cluster: 'v2' }, weight: 100 }]);
    expect(await counts(10)).toEqual({ v1: 0, v2: 10 });
    await eventually(() => sidecar.stderr().includes('config changed through the admin API'));
    const line = sidecar
      .stderr()
      .split('\n')
      .find((l) => l.includes('config changed through the admin API'));
    expect(JSON.parse(line!)).toMatchObject({ change: { kind: 'weights', route: 'books', before: { v1: 100 }, after: { v2: 100 } } });

    const config = await client.send(`${sidecar.adminUrl}/config`);
    expect(config.headers['x-config-source']).toBe('admin-api');
    expect(`${sidecar.stdout()}${sidecar.stderr()}${config.text}`).not.toContain(TOKEN);
  });

  it('lets a later change of the config file replace the runtime change, and logs that it did', async () => {
    sidecar = await startSidecarProcess(configFor(v1.endpoint, v2.endpoint), { ADMIN_TOKEN: TOKEN });
    expect((await putWeights({ v1: 50, v2: 50 }, TOKEN)).status).toBe(200);
    sidecar.writeConfig(configFor(v1.endpoint, v2.endpoint));
    await eventually(() => sidecar.stderr().includes('the config file replaced the changes made through the admin API'), 10_000);
    expect(await counts(10)).toEqual({ v1: 10, v2: 0 });
    expect((await client.send(`${sidecar.adminUrl}/config`)).headers['x-config-source']).toBe('file');
  });

  it('serves Istio standard metrics on /metrics when the config enables them', async () => {
    sidecar = await startSidecarProcess({
      ...configFor(v1.endpoint, v2.endpoint),
      telemetry: {
        istioMetrics: { enabled: true, namespace: 'shop', destinations: { v1: { workload: 'books-v1', version: 'v1', service: 'books' } } },
      },
    });
    expect((await client.send(`${sidecar.url}/books/1`)).status).toBe(200);
    const line = /^istio_requests_total\{[^}]*destination_workload="books-v1"[^}]*\} (\d+)$/m;
    // The exchange is counted when it ends, which may be just after the client has its answer.
    let text = '';
    for (let i = 0; i < 100 && !line.test(text); i += 1) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      text = (await client.send(`${sidecar.adminUrl}/metrics`)).text;
    }
    expect(line.exec(text)?.[1]).toBe('1');
    expect(text).toContain('destination_workload_namespace="shop"');
    expect(text).toContain('# TYPE istio_request_duration_milliseconds histogram');
  });

  it('refuses to start with the admin listener beyond loopback and no ADMIN_TOKEN, naming the fix', async () => {
    const { file, cleanup } = tempConfig({
      ...configFor(v1.endpoint, v2.endpoint),
      listener: { host: '127.0.0.1', port: 0 },
      admin: { host: '0.0.0.0', port: 0 },
    });
    try {
      const { code, stderr } = await runSidecar(['--config', file]);
      expect(code).toBe(2);
      expect(stderr).toContain('admin listener on "0.0.0.0" is reachable beyond loopback');
      expect(stderr).toContain('set ADMIN_TOKEN');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      cleanup();
    }
  });

  it('starts beyond loopback with ADMIN_WRITES=false and no token, its admin API read-only', async () => {
    sidecar = await startSidecarProcess(
      { ...configFor(v1.endpoint, v2.endpoint), admin: { host: '0.0.0.0', port: 0 } },
      { ADMIN_WRITES: 'false' },
    );
    const admin = `http://127.0.0.1:${sidecar.adminUrl.split(':').at(-1)}`;
    expect((await client.send(`${admin}/health/ready`)).status).toBe(200);
    expect((await client.send(`${admin}/metrics`)).status).toBe(200);
    const write = await client.send(`${admin}/routes/books/weights`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weights: { v1: 100 } }),
    });
    expect(write.status).toBe(405);
  });

  it('starts beyond loopback with ADMIN_TOKEN, and refuses a token too short to be safe without echoing it', async () => {
    sidecar = await startSidecarProcess(
      { ...configFor(v1.endpoint, v2.endpoint), admin: { host: '0.0.0.0', port: 0 } },
      { ADMIN_TOKEN: TOKEN },
    );
    expect((await client.send(`http://127.0.0.1:${sidecar.adminUrl.split(':').at(-1)}/health/live`)).status).toBe(200);

    const { file, cleanup } = tempConfig(configFor(v1.endpoint, v2.endpoint));
    try {
      const { code, stderr } = await runSidecar(['--config', file], { ADMIN_TOKEN: 'short-secret' });
      expect(code).toBe(2);
      expect(stderr).toContain('ADMIN_TOKEN must be at least 16 characters long');
      expect(stderr).not.toContain('short-secret');
    } finally {
      cleanup();
    }
  });
});
