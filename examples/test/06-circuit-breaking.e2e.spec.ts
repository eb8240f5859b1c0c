import { type StatsSnapshot } from '@mirrormesh/proxy';
import { EXAMPLE_START_TIMEOUT_MS, type ExampleRun, get, startExample } from '../src';

// Exercise 6: one connection and one waiting request per endpoint; the rest get 503 UPSTREAM_OVERFLOW.
const CONCURRENT = 10;
const REVIEWS_DELAY_MS = 2_000;

describe('06-circuit-breaking', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('06-circuit-breaking', {
      '127.0.0.1:9081': { BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: String(REVIEWS_DELAY_MS), VERSION_TAG: 'V1MIR-LiveBookService' },
    });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it('answers concurrent requests beyond the pool 503 UPSTREAM_OVERFLOW, counted by the sidecar', async () => {
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => get(`${run.sidecar.url}/books/1/reviews`)));
    const overflowed = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    expect(overflowed.length + served.length).toBe(CONCURRENT);
    // One in flight and one waiting are served; how many more depends on when the others arrive.
    expect(served.length).toBeGreaterThanOrEqual(2);
    expect(overflowed.length).toBeGreaterThanOrEqual(1);
    for (const answer of overflowed) expect(JSON.parse(answer.body)).toMatchObject({ code: 'UPSTREAM_OVERFLOW' });
    const stats = (await (await fetch(`${run.sidecar.adminUrl}/stats`)).json()) as StatsSnapshot;
    expect(stats.clusterPolicy?.['books-v1']?.overflowsTotal).toBe(overflowed.length);
  });

  it('serves requests one at a time again once the burst is over', async () => {
    const answer = await get(`${run.sidecar.url}/books/1/reviews`);
    expect([answer.status, answer.servedBy]).toEqual([200, 'v1']);
  });
});
