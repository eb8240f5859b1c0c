import { request } from 'undici';
import { ProxyAdminListener } from '../src/admin/proxy-admin-listener';
import { get } from './support/http';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

/** What a public Service must not answer once the admin listener serves it. */
const INTERNAL_PATHS = ['/_mesh/stats', '/_mesh/metrics', '/_mesh/diff', '/docs', '/docs.yaml', '/docs-json'];

function adminUrlOf(spa: RunningSpa): string {
  const address = spa.service.app.get(ProxyAdminListener).address;
  if (address === undefined) throw new Error('the admin listener is not listening');
  return `http://${address.address}:${address.port}`;
}

describe('with ADMIN_PORT the internal endpoints are on the admin listener, not the public port', () => {
  let live: SpawnedBookService;
  let spa: RunningSpa;
  let admin: string;

  beforeAll(async () => {
    live = await spawnBookService();
    spa = await startSpa({ live: live.endpoint, env: { ADMIN_PORT: '0' } });
    admin = adminUrlOf(spa);
    expect((await get(`${spa.url}/api/books/1`)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await live?.stop();
  });

  it.each(INTERNAL_PATHS)('the public port does not answer %s', async (path) => {
    const answer = await get(`${spa.url}${path}`, { accept: 'application/json' });
    expect(answer.status).toBe(404);
    expect(answer.text()).not.toMatch(/bookservice|openapi/);
  });

  it('a browser asking the public port for an internal path gets the app shell, not the data', async () => {
    const answer = await get(`${spa.url}/_mesh/metrics`, { accept: 'text/html' });
    expect(answer.text()).not.toMatch(/cluster="bookservice"/);
  });

  it('the admin listener serves the metrics, stats and diff', async () => {
    const metrics = await get(`${admin}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text()).toMatch(/cluster="bookservice"/);
    expect((await get(`${admin}/stats`)).json<{ live: { total: number } }>().live.total).toBeGreaterThan(0);
    expect((await get(`${admin}/diff`)).status).toBe(200);
  });

  it('the Mirror page’s data stays on the public port, where the page is', async () => {
    const dashboard = await get(`${spa.url}/_mesh/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.json<{ live: { requests: number } }>().live.requests).toBeGreaterThan(0);
  });
});

describe('without ADMIN_PORT (a plain local run) the public port serves them', () => {
  let live: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    live = await spawnBookService();
    spa = await startSpa({ live: live.endpoint });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await live?.stop();
  });

  it.each(['/_mesh/stats', '/_mesh/metrics', '/_mesh/diff'])('%s answers on the public port', async (path) => {
    expect((await get(`${spa.url}${path}`)).status).toBe(200);
  });
});

describe('an admin listener beyond loopback (ADMIN_HOST=0.0.0.0, as in Kubernetes)', () => {
  const token = 'a-token-long-enough-for-tests';
  let live: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    live = await spawnBookService();
    spa = await startSpa({ live: live.endpoint, env: { ADMIN_PORT: '0', ADMIN_HOST: '0.0.0.0', ADMIN_TOKEN: token } });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await live?.stop();
  });

  it('binds all addresses and takes writes only with the token', async () => {
    const address = spa.service.app.get(ProxyAdminListener).address;
    expect(address?.address).toBe('0.0.0.0');
    const admin = `http://127.0.0.1:${address?.port ?? 0}`;
    const put = (headers: Record<string, string>) =>
      request(`${admin}/routes/books/weights`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ weights: { bookservice: 100 } }),
      });
    const refused = await put({});
    await refused.body.dump();
    expect(refused.statusCode).toBe(401);
    const accepted = await put({ authorization: `Bearer ${token}` });
    await accepted.body.dump();
    expect(accepted.statusCode).toBe(200);
    expect((await get(`${admin}/metrics`)).status).toBe(200);
  });
});

describe('a read-only admin listener beyond loopback (ADMIN_WRITES=false, as the Kubernetes manifests run it)', () => {
  let live: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    live = await spawnBookService();
    spa = await startSpa({ live: live.endpoint, env: { ADMIN_PORT: '0', ADMIN_HOST: '0.0.0.0', ADMIN_WRITES: 'false' } });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await live?.stop();
  });

  it('serves the reads and refuses every write', async () => {
    const admin = `http://127.0.0.1:${spa.service.app.get(ProxyAdminListener).address?.port ?? 0}`;
    expect((await get(`${admin}/metrics`)).status).toBe(200);
    expect((await get(`${admin}/health/ready`)).status).toBe(200);
    const write = await request(`${admin}/routes/books/weights`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weights: { bookservice: 100 } }),
    });
    await write.body.dump();
    expect(write.statusCode).toBe(405);
  });
});
