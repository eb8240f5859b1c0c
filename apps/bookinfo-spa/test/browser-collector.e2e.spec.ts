import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { startFakeCollector, type FakeCollector } from './support/fake-collector';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const browser = useBrowserPage();

describeInChromium('the Mirror page with a collector', () => {
  let live: SpawnedBookService;
  let collector: FakeCollector;
  let spa: RunningSpa;

  beforeAll(async () => {
    [live, collector] = await Promise.all([spawnBookService(), startFakeCollector()]);
    spa = await startSpa({ live: live.endpoint, env: { COLLECTOR_URL: collector.url } });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await Promise.all([live?.stop(), collector?.close()]);
  });

  it('shows the per-version rows the server relays from the collector', async () => {
    await browser.page.goto(`${spa.url}/mirror`);
    const rows = browser.page.locator('table[aria-label="Requests per version from the collector"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await browser.page.locator('tr[data-version="V3MIR-BookServiceDelay"] td').allInnerTexts()).toEqual([
      'V3MIR-BookServiceDelay',
      '200',
      '12',
      '301 ms',
      '300 ms',
      '305 ms',
      '310 ms',
    ]);
    await screenshot(browser.page, 'mirror-with-collector');
  });
});
