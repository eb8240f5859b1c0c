import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const REVIEWS_UNAVAILABLE = 'Sorry, product reviews are currently unavailable for this book.';

const browser = useBrowserPage();

describeInChromium('the SPA in Chromium, in front of a fault-variant live book service', () => {
  let fault: SpawnedBookService;
  let faultSpa: RunningSpa;

  beforeAll(async () => {
    fault = await spawnBookService({ BOOK_SERVICE_VARIANT: 'fault' });
    faultSpa = await startSpa({ live: fault.endpoint });
  }, 60_000);
  afterAll(async () => {
    await faultSpa?.close();
    await fault?.stop();
  });

  it('keeps the book on screen and says reviews are unavailable when a fault variant serves live', async () => {
    await browser.page.goto(`${faultSpa.url}/books/2`);
    await browser.page.getByRole('heading', { level: 1, name: 'Pride and Prejudice' }).waitFor();
    const alert = browser.page.getByTestId('reviews-error');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(REVIEWS_UNAVAILABLE);
    expect(await browser.page.getByTestId('served-by').innerText()).toContain('V4MIR-BookServiceFault');
    await screenshot(browser.page, 'book-reviews-unavailable');
    // The page still works: back to the catalogue, then a book whose reviews succeed.
    await browser.page.getByRole('link', { name: '← All books' }).click();
    await browser.page.locator('table.catalogue tbody tr').first().waitFor();
    await browser.page.getByRole('link', { name: 'Moby-Dick' }).click();
    await browser.page.locator('[data-testid="reviews"] li').first().waitFor();
    expect(await browser.page.getByTestId('reviews-error').count()).toBe(0);
  });
});
