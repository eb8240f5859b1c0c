import { UPSTREAM_CLUSTER } from '../src/config/upstream-proxy-config';
import { get } from './support/http';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

// The native-sidecar form: no sidecar config in the app, /api goes as it is to the sidecar beside it.
describe('API_UPSTREAM instead of SIDECAR_CONFIG', () => {
  let upstream: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    upstream = await spawnBookService();
    // An empty SIDECAR_CONFIG counts as unset, as it does in a shell.
    spa = await startSpa({ live: '127.0.0.1:1', env: { SIDECAR_CONFIG: '', API_UPSTREAM: `http://${upstream.endpoint}` } });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await upstream?.stop();
  });

  it('forwards /api with its prefix stripped to the upstream', async () => {
    const answer = await get(`${spa.url}/api/books/1`);
    expect(answer.status).toBe(200);
    expect(answer.json<{ id: number }>().id).toBe(1);
  });

  it('forwards every /api path, not only the routes a sidecar config would name', async () => {
    expect((await get(`${spa.url}/api/health/live`)).status).toBe(200);
  });

  it('shows the forwarded traffic under the upstream cluster, with no mirror', async () => {
    const dashboard = (await get(`${spa.url}/_mesh/dashboard`)).json<{
      mirror: { requests: number };
      topology: { edges: { to: string }[] };
    }>();
    expect(dashboard.mirror.requests).toBe(0);
    expect(JSON.stringify(dashboard.topology)).toContain(UPSTREAM_CLUSTER);
  });

  it('does not serve the internal endpoints on the public port: the sidecar’s admin API has them', async () => {
    for (const path of ['/_mesh/stats', '/_mesh/metrics', '/_mesh/diff']) {
      expect((await get(`${spa.url}${path}`, { accept: 'application/json' })).status).toBe(404);
    }
  });
});
