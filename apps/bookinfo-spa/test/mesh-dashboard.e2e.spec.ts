import { type MeshDashboard } from '../src/mesh/mesh-dashboard.dto';
import { COLLECTOR_ROWS, type FakeCollector } from './support/fake-collector';
import { startMirroredSpa, type MirroredSpa } from './support/mirrored-spa';
import { get } from './support/http';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const MIRROR_DELAY_MS = 300;

describe('the mirror dashboard data', () => {
  let mesh: MirroredSpa;
  let collector: FakeCollector;
  let spa: RunningSpa;

  beforeAll(async () => {
    mesh = await startMirroredSpa({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: String(MIRROR_DELAY_MS) });
    ({ collector, spa } = mesh);
  });
  afterAll(() => mesh?.close());

  it('shows live and mirror, the mirror slower, the topology and the collector rows', async () => {
    for (let id = 1; id <= 6; id += 1) expect((await get(`${spa.url}/api/books/${(id % 5) + 1}/reviews`)).status).toBe(200);
    let dashboard = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    for (let i = 0; i < 50 && dashboard.mirror.requests < 6; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dashboard = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    }
    const liveCluster = expect.objectContaining({
      cluster: 'bookservice',
      requests: 6,
      errors: 0,
      errorRate: 0,
      codes: [{ code: '200', count: 6 }],
    });
    const mirrorCluster = expect.objectContaining({
      cluster: 'bookservicemirror',
      requests: 6,
      errors: 0,
      codes: [{ code: '200', count: 6 }],
    });
    expect(dashboard.live).toEqual(expect.objectContaining({ requests: 6, errors: 0, errorRate: 0, clusters: [liveCluster] }));
    expect(dashboard.mirror).toEqual(expect.objectContaining({ requests: 6, errors: 0, clusters: [mirrorCluster] }));
    // Per version: every mirror answer waited the delay, so even its median is past it; live is faster.
    const [live1, mirror1] = [dashboard.live.clusters[0], dashboard.mirror.clusters[0]];
    expect(mirror1?.p50Ms).toBeGreaterThanOrEqual(MIRROR_DELAY_MS);
    expect(mirror1?.meanMs).toBeGreaterThanOrEqual(MIRROR_DELAY_MS);
    expect(live1?.p50Ms).toBeLessThan(mirror1?.p50Ms ?? 0);
    expect(dashboard.live.meanMs).toBeLessThan(dashboard.mirror.meanMs ?? 0);
    for (const figures of [dashboard.live, dashboard.mirror, live1, mirror1]) {
      expect(figures?.p50Ms).toBeLessThanOrEqual(figures?.p95Ms ?? 0);
      expect(figures?.p95Ms).toBeLessThanOrEqual(figures?.p99Ms ?? 0);
    }
    expect(dashboard.topology).toEqual({
      source: 'bookinfo-spa',
      edges: [
        { kind: 'live', cluster: 'bookservice', percentage: 100 },
        { kind: 'mirror', cluster: 'bookservicemirror', percentage: 100 },
      ],
    });
    expect(dashboard.collector.state).toBe('ok');
    expect(dashboard.collector.rows).toHaveLength(COLLECTOR_ROWS.length);
    expect(dashboard.collector.rows[0]).not.toHaveProperty('extra');
    expect(collector.queries.at(-1)).toMatch(/^\/query\/requests-summary\?contains=MIR-&since=15m$/);
  });

  it('names the version each cluster serves now, and takes a window for the per-version numbers', async () => {
    const dashboard = (await get(`${spa.url}/_mesh/dashboard?window=5m`)).json<MeshDashboard>();
    expect(dashboard.serving).toEqual([
      { kind: 'live', cluster: 'bookservice', versionTag: 'V1MIR-LiveBookService' },
      { kind: 'mirror', cluster: 'bookservicemirror', versionTag: 'V3MIR-BookServiceDelay' },
    ]);
    expect(dashboard.window).toBe('5m');
    expect(Date.parse(dashboard.generatedAt) - Date.parse(dashboard.windowStart)).toBe(300_000);
    expect(dashboard.versions.map((v) => [v.versionTag, v.role])).toEqual([
      ['V1MIR-LiveBookService', 'live'],
      ['V3MIR-BookServiceDelay', 'mirror'],
    ]);
    expect(collector.queries.at(-1)).toMatch(/since=5m$/);
  });

  it('refuses a window it does not offer with a 400 problem naming the windows', async () => {
    const answer = await get(`${spa.url}/_mesh/dashboard?window=2h`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'INVALID_WINDOW', detail: 'window must be one of 1m, 5m, 15m, start' });
  });

  it('counts upstream failures as errors', async () => {
    const before = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    expect((await get(`${spa.url}/api/books/999`)).status).toBe(404);
    const after = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    expect(after.live.requests).toBe(before.live.requests + 1);
    expect(after.live.errors).toBe(before.live.errors); // a 404 is an answer, not an error
    expect(after.live.codes).toContainEqual({ code: '404', count: 1 });
  });

  it('the sidecar’s own 404s for unknown /api paths do not skew the live figures', async () => {
    const before = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    for (let i = 0; i < 50; i += 1) expect((await get(`${spa.url}/api/nowhere/${i}`)).status).toBe(404);
    const after = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
    expect(after.localAnswers).toBe(before.localAnswers + 50);
    expect(after.live).toEqual(before.live);
  });

  it('two SPAs in one process keep separate dashboards', async () => {
    const other = await startSpa({ live: mesh.live.endpoint });
    try {
      const before = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
      for (let id = 1; id <= 4; id += 1) expect((await get(`${other.url}/api/books/${id}`)).status).toBe(200);
      expect((await get(`${other.url}/api/nowhere`)).status).toBe(404);
      const mine = (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>();
      const theirs = (await get(`${other.url}/_mesh/dashboard`)).json<MeshDashboard>();
      expect(mine.live).toEqual(before.live);
      expect(mine.localAnswers).toBe(before.localAnswers);
      expect(theirs.live).toEqual(expect.objectContaining({ requests: 4, codes: [{ code: '200', count: 4 }] }));
      expect(theirs.localAnswers).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('serves the raw stats snapshot and Prometheus metrics', async () => {
    const stats = await get(`${spa.url}/_mesh/stats`);
    expect(stats.json<{ live: { total: number } }>().live.total).toBeGreaterThan(0);
    const metrics = await get(`${spa.url}/_mesh/metrics`);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text()).toMatch(/cluster="bookservicemirror"/);
  });
});

describe('the dashboard without a reachable collector', () => {
  let live: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    live = await spawnBookService();
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    spa = await startSpa({ live: live.endpoint, env: { COLLECTOR_URL: 'http://127.0.0.1:1', COLLECTOR_TIMEOUT_MS: '500' } });
  });
  afterAll(async () => {
    await spa?.close();
    await live?.stop();
  });

  it('says "unreachable" and nothing about why', async () => {
    const answer = await get(`${spa.url}/_mesh/dashboard`);
    expect(answer.status).toBe(200);
    const dashboard = answer.json<MeshDashboard>();
    expect(dashboard.collector).toEqual({ state: 'unreachable', rows: [] });
    expect(answer.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1|stack/i);
    expect(dashboard.mirror.requests).toBe(0);
    expect(dashboard.topology.edges).toEqual([{ kind: 'live', cluster: 'bookservice', percentage: 100 }]);
  });
});
