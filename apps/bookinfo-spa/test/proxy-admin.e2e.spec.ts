import { createServer, type Server } from 'node:net';
import { request } from 'undici';
import { type DiffReport, type StatsSnapshot } from '@mirrormesh/proxy';
import { ProxyAdminListener } from '../src/admin/proxy-admin-listener';
import { get } from './support/http';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const PAIRS = 10;

async function put(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const answer = await request(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: answer.statusCode, text: await answer.body.text() };
}

function adminUrlOf(spa: RunningSpa): string | undefined {
  const address = spa.service.app.get(ProxyAdminListener).address;
  return address === undefined ? undefined : `http://${address.address}:${address.port}`;
}

describe('the in-process sidecar’s admin API (ADMIN_PORT)', () => {
  let services: SpawnedBookService[] = [];
  let spa: RunningSpa;
  let admin: string;

  beforeAll(async () => {
    services = await Promise.all([spawnBookService(), spawnBookService({ BOOK_SERVICE_VARIANT: 'schema-change' }), spawnBookService()]);
    const [live, mirror, noise] = services;
    spa = await startSpa({ live: live!.endpoint, mirror: mirror!.endpoint, noise: noise!.endpoint, env: { ADMIN_PORT: '0' } });
    admin = adminUrlOf(spa) ?? '';
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await Promise.all(services.map((s) => s.stop()));
  });

  it('listens on loopback only', () => {
    expect(admin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the stats and the shadow diff of the traffic the SPA proxies', async () => {
    for (let i = 0; i < PAIRS; i += 1) expect((await get(`${spa.url}/api/books/2`)).status).toBe(200);
    let report: DiffReport | undefined;
    for (let i = 0; i < 100; i += 1) {
      report = (await get(`${admin}/diff`)).json<DiffReport>();
      if ((report.routes[0]?.compared ?? 0) >= PAIRS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const route = report?.routes[0];
    expect(route).toMatchObject({ route: 'books', mirror: 'bookservicemirror', compared: PAIRS, different: PAIRS });
    expect(route?.paths.map((path) => path.path)).toContain('$.year');
    // The same report the SPA's Mirror page reads in its dashboard.
    expect((await get(`${spa.url}/_mesh/dashboard`)).json<{ answers: DiffReport }>().answers.routes[0]?.compared).toBe(PAIRS);

    const stats = (await get(`${admin}/stats`)).json<StatsSnapshot>();
    expect(stats.live.clusters.find((cluster) => cluster.cluster === 'bookservice')?.total).toBeGreaterThanOrEqual(PAIRS);
    expect((await get(`${admin}/health/ready`)).status).toBe(200);
  }, 30_000);

  it('changes the route weights at run time, and refuses a cluster the config does not define', async () => {
    const refused = await put(`${admin}/routes/books/weights`, { weights: { nowhere: 100 } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('nowhere');

    const applied = await put(`${admin}/routes/books/weights`, { weights: { bookservice: 100 } });
    expect(applied.status).toBe(200);
    expect((await get(`${spa.url}/api/books/1`)).status).toBe(200);
  });
});

describe('the SPA without ADMIN_PORT, and with a port in use', () => {
  let services: SpawnedBookService[] = [];
  let busy: Server;

  beforeAll(async () => {
    services = [await spawnBookService()];
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  }, 60_000);
  afterAll(async () => {
    busy?.close();
    await Promise.all(services.map((s) => s.stop()));
  });

  it('has no admin listener unless asked', async () => {
    const spa = await startSpa({ live: services[0]!.endpoint });
    try {
      expect(adminUrlOf(spa)).toBeUndefined();
    } finally {
      await spa.close();
    }
  });

  it('fails to start naming the admin port that is taken', async () => {
    const port = (busy.address() as { port: number }).port;
    await expect(startSpa({ live: services[0]!.endpoint, env: { ADMIN_PORT: String(port) } })).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port} for the admin API: the port is already in use (set ADMIN_PORT to another one)`,
    );
  });
});
