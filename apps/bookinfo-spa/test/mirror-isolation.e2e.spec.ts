import { get } from './support/http';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const MIRROR_DELAY_MS = 2000;
/** A live answer through the in-process proxy must stay far below the mirror's delay. */
const LIVE_BUDGET_MS = 500;

describe('the in-process proxy keeps mirrors off the live path', () => {
  let live: SpawnedBookService;
  let slowMirror: SpawnedBookService;
  let spa: RunningSpa;

  beforeAll(async () => {
    [live, slowMirror] = await Promise.all([
      spawnBookService(),
      spawnBookService({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: String(MIRROR_DELAY_MS) }),
    ]);
    spa = await startSpa({ live: live.endpoint, mirror: slowMirror.endpoint });
  });
  afterAll(async () => {
    await spa?.close();
    await Promise.all([live?.stop(), slowMirror?.stop()]);
  });

  it(`answers /api reviews well under ${LIVE_BUDGET_MS} ms while each mirror copy takes ${MIRROR_DELAY_MS} ms`, async () => {
    await get(`${spa.url}/api/books`); // warm the upstream pools
    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => get(`${spa.url}/api/books/${id}/reviews`)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(LIVE_BUDGET_MS);
    }
    // The copies really were slow and really were sent: they are in flight now.
    const stats = (await get(`${spa.url}/_mesh/dashboard`)).json<{ mirrorInflight: number }>();
    expect(stats.mirrorInflight).toBeGreaterThanOrEqual(1);
  });
});
