import { type AnswerDiffReport } from '../src/mesh/answer-diff.dto';
import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { get } from './support/http';
import { startMirroredSpa, type MirroredSpa } from './support/mirrored-spa';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const browser = useBrowserPage();

/** Above the proxy's minimum of noise samples, so that servedAt can be classified as noise. */
const PAIRS = 30;

describeInChromium('the Mirror page’s answers compared, a schema-change mirror with a noise instance', () => {
  let services: SpawnedBookService[] = [];
  let spa: RunningSpa;

  beforeAll(async () => {
    services = await Promise.all([spawnBookService(), spawnBookService({ BOOK_SERVICE_VARIANT: 'schema-change' }), spawnBookService()]);
    const [live, mirror, noise] = services;
    spa = await startSpa({ live: live!.endpoint, mirror: mirror!.endpoint, noise: noise!.endpoint });
    for (let i = 0; i < PAIRS; i += 1) expect((await get(`${spa.url}/api/books/${i % 2 === 0 ? '2/reviews' : '2'}`)).status).toBe(200);
    // Comparisons complete once the mirror and the noise instance answered: wait for all of them.
    for (let i = 0; i < 100; i += 1) {
      const report = (await get(`${spa.url}/_mesh/diff`)).json<AnswerDiffReport>();
      if ((report.routes[0]?.compared ?? 0) >= PAIRS && (report.routes[0]?.noise?.compared ?? 0) >= PAIRS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await Promise.all(services.map((s) => s.stop()));
  });

  it('shows the pairs compared, the rates, and the schema change apart from the noise, with examples', async () => {
    await browser.page.goto(`${spa.url}/mirror`);
    const route = browser.page.locator('tr[data-diff-route="books→bookservicemirror"]');
    await route.waitFor();
    expect(await route.locator('[data-field="compared"]').getAttribute('data-value')).toBe(String(PAIRS));
    expect(await route.locator('[data-field="diff-rate"]').getAttribute('data-value')).toBe('1');
    expect(await route.locator('td').last().innerText()).toBe('bookservicelive2');

    const rating = browser.page.locator('tr[data-path="$.reviews[0].rating"]');
    expect(await rating.getAttribute('data-kind')).toBe('removed');
    expect(await rating.getAttribute('data-noise')).toBe('false');
    expect(await rating.locator('[data-field="rate"]').getAttribute('data-value')).toBe('0.5');
    expect(await rating.locator('[data-field="live"]').innerText()).toBe('5');
    expect(await rating.locator('[data-field="candidate"]').innerText()).toBe('absent');
    const year = browser.page.locator('tr[data-path="$.year"]');
    expect(await year.getAttribute('data-kind')).toBe('type-changed');
    expect(await year.locator('[data-field="candidate"]').innerText()).toBe('"1813"');
    const servedAt = browser.page.locator('tr[data-path="$.servedAt"]');
    expect(await servedAt.getAttribute('data-noise')).toBe('true');
    expect(await servedAt.locator('td').nth(2).innerText()).toBe('noise');
    await screenshot(browser.page, 'mirror-answers-compared');
  });
});

describeInChromium('the Mirror page’s answers compared, without mirror.compare', () => {
  let mesh: MirroredSpa;

  beforeAll(async () => {
    mesh = await startMirroredSpa({ BOOK_SERVICE_VARIANT: 'schema-change' });
  }, 60_000);
  afterAll(() => mesh?.close());

  it('serves an empty report and says that nothing is compared', async () => {
    expect((await get(`${mesh.spa.url}/api/books/2/reviews`)).status).toBe(200);
    expect((await get(`${mesh.spa.url}/_mesh/diff`)).json<AnswerDiffReport>()).toMatchObject({ routes: [], dropped: [] });
    await browser.page.goto(`${mesh.spa.url}/mirror`);
    await browser.page.getByRole('heading', { level: 2, name: 'Answers compared' }).waitFor();
    expect(await browser.page.getByTestId('answers-off').innerText()).toBe(
      'This sidecar compares no answers: no route has mirror.compare on.',
    );
    await screenshot(browser.page, 'mirror-answers-off');
  });
});
