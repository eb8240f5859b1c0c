import { countServedBy, EXAMPLE_START_TIMEOUT_MS, type ExampleRun, getMany, startExample } from '../src';

// Exercise 3: 100/0 → 50/50 → 0/100 at runtime through the admin API, with ADMIN_TOKEN.
const ADMIN_TOKEN = 'workshop-token-0123456789';
/** With 50/50 the chance that 40 requests all go one way is 2 × 2⁻⁴⁰: both versions are seen. */
const REQUESTS = 40;

describe('03-traffic-shifting', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample(
      '03-traffic-shifting',
      { '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' }, '127.0.0.1:9082': { VERSION_TAG: 'V2MIR-BookService' } },
      { ADMIN_TOKEN },
    );
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  const setWeights = (weights: Record<string, number>, token = ADMIN_TOKEN) =>
    fetch(`${run.sidecar.adminUrl}/routes/books/weights`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ weights }),
    });

  it('starts with every request on v1 (100/0)', async () => {
    expect(countServedBy(await getMany(`${run.sidecar.url}/books`, REQUESTS))).toEqual({ v1: REQUESTS });
  });

  it('refuses a change without the token', async () => {
    const refused = await setWeights({ 'books-v1': 0, 'books-v2': 100 }, 'not-the-token');
    expect(refused.status).toBe(401);
    expect(countServedBy(await getMany(`${run.sidecar.url}/books`, 10))).toEqual({ v1: 10 });
  });

  it('splits traffic after 50/50', async () => {
    const applied = await setWeights({ 'books-v1': 50, 'books-v2': 50 });
    expect(applied.status).toBe(200);
    const counts = countServedBy(await getMany(`${run.sidecar.url}/books`, REQUESTS));
    expect(Object.keys(counts).sort()).toEqual(['v1', 'v2']);
    expect((counts.v1 ?? 0) + (counts.v2 ?? 0)).toBe(REQUESTS);
  });

  it('sends every request to v2 after 0/100, and the config in force says so', async () => {
    expect((await setWeights({ 'books-v1': 0, 'books-v2': 100 })).status).toBe(200);
    expect(countServedBy(await getMany(`${run.sidecar.url}/books`, REQUESTS))).toEqual({ v2: REQUESTS });
    const config = await fetch(`${run.sidecar.adminUrl}/config`);
    expect(config.headers.get('x-config-source')).toBe('admin-api');
    const body = (await config.json()) as { routes: { route: { destination: { cluster: string }; weight: number }[] }[] };
    expect(body.routes[0]?.route.map((r) => [r.destination.cluster, r.weight])).toEqual([
      ['books-v1', 0],
      ['books-v2', 100],
    ]);
  });
});
