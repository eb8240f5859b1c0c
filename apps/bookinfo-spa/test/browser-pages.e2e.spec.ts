import type { Book } from '@mirrormesh/catalog';
import { formatYear } from '../web/src/pages/format-year';
import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const MIRROR_DELAY_MS = 400;

const browser = useBrowserPage();

describeInChromium('the SPA in Chromium, in front of real book services', () => {
  let live: SpawnedBookService;
  let delayMirror: SpawnedBookService;
  let liveRecorder: RecordingUpstream;
  let spa: RunningSpa;

  beforeAll(async () => {
    [live, delayMirror] = await Promise.all([
      spawnBookService({ VERSION_TAG: 'V1MIR-LiveBookService' }),
      spawnBookService({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: String(MIRROR_DELAY_MS) }),
    ]);
    liveRecorder = await startRecordingUpstream({ target: live.url });
    spa = await startSpa({ live: liveRecorder.endpoint, mirror: delayMirror.endpoint });
  }, 60_000);
  afterAll(async () => {
    await spa?.close();
    await liveRecorder?.close();
    await Promise.all([live?.stop(), delayMirror?.stop()]);
  });

  it('lists the catalogue', async () => {
    const catalogue = (await get(`${spa.url}/api/books`)).json<Book[]>();
    await browser.page.goto(`${spa.url}/`);
    const rows = browser.page.locator('table.catalogue tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(catalogue.length);
    for (const book of catalogue) {
      const row = browser.page.locator(`tr[data-book-id="${book.id}"]`);
      expect(await row.locator('th').innerText()).toBe(book.title);
      expect(await row.locator('td').allInnerTexts()).toEqual([book.author, formatYear(book.year)]);
    }
    expect(await browser.page.title()).toBe('Books · Bookinfo');
    await screenshot(browser.page, 'books');
  });

  it('shows a book with its reviews after a click, and the serving version', async () => {
    await browser.page.goto(`${spa.url}/`);
    await browser.page.getByRole('link', { name: 'Pride and Prejudice' }).click();
    await browser.page.waitForURL(`${spa.url}/books/2`);
    await browser.page.getByRole('heading', { level: 1, name: 'Pride and Prejudice' }).waitFor();
    const reviews = browser.page.locator('[data-testid="reviews"] li');
    await reviews.first().waitFor();
    expect(await reviews.count()).toBeGreaterThan(0);
    expect(await browser.page.getByTestId('served-by').innerText()).toContain('V1MIR-LiveBookService');
    await screenshot(browser.page, 'book');
  });

  it('sends end-user on every API call once signed in, and stops after sign-out', async () => {
    await browser.page.goto(`${spa.url}/sign-in`);
    await browser.page.getByLabel('User name').fill('jason');
    await screenshot(browser.page, 'sign-in');
    await browser.page.getByLabel('User name').press('Enter');
    await browser.page.getByTestId('signed-in-as').waitFor();
    expect(await browser.page.getByTestId('signed-in-as').innerText()).toBe('Signed in as jason');
    await browser.page.locator('table.catalogue tbody tr').first().waitFor();
    const seenBefore = liveRecorder.requests.length;
    await browser.page.getByRole('link', { name: 'Moby-Dick' }).click();
    await browser.page.locator('[data-testid="reviews"] li').first().waitFor();
    const calls = liveRecorder.requests.slice(seenBefore);
    expect(calls.map((r) => r.url).sort()).toEqual(['/books/3', '/books/3/reviews']);
    for (const call of calls) expect(call.headers['end-user']).toBe('jason');
    await screenshot(browser.page, 'book-signed-in');

    await browser.page.getByRole('button', { name: 'Sign out' }).click();
    await browser.page.getByRole('link', { name: 'Sign in' }).waitFor();
    const seenAfter = liveRecorder.requests.length;
    await browser.page.getByRole('link', { name: '← All books' }).click();
    await browser.page.locator('table.catalogue tbody tr').first().waitFor();
    const later = liveRecorder.requests.slice(seenAfter);
    expect(later.length).toBeGreaterThan(0);
    for (const call of later) expect(call.headers['end-user']).toBeUndefined();
  });

  it('can be used with the keyboard alone', async () => {
    await browser.page.goto(`${spa.url}/`);
    await browser.page.locator('table.catalogue tbody tr').first().waitFor();
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'The Comedy of Errors'; i += 1) {
      await browser.page.keyboard.press('Tab');
      focused = String(await browser.page.evaluate('document.activeElement?.textContent ?? ""'));
    }
    expect(focused).toBe('The Comedy of Errors');
    await browser.page.keyboard.press('Enter');
    await browser.page.waitForURL(`${spa.url}/books/1`);
    // After navigating, focus moves to the new content for screen readers and keyboards.
    await browser.page.getByRole('heading', { level: 1, name: 'The Comedy of Errors' }).waitFor();
    expect(await browser.page.evaluate('document.activeElement?.id')).toBe('main');
  });

  it('shows the catalogue as cards on a phone-sized screen', async () => {
    await browser.page.setViewportSize({ width: 375, height: 740 });
    await browser.page.goto(`${spa.url}/`);
    await browser.page.locator('table.catalogue tbody tr').first().waitFor();
    const width = Number(await browser.page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(browser.page, 'books-phone');
  });

  it('shows live and mirror on the dashboard, the mirror slower', async () => {
    for (let i = 1; i <= 8; i += 1) expect((await get(`${spa.url}/api/books/${(i % 5) + 1}/reviews`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, MIRROR_DELAY_MS + 200));
    await browser.page.goto(`${spa.url}/mirror`);
    const liveRow = browser.page.locator('tr[data-role="live"]');
    const mirrorRow = browser.page.locator('tr[data-role="mirror"]');
    await mirrorRow.waitFor();
    const number = async (row: typeof liveRow, field: string) =>
      Number(await row.locator(`[data-field="${field}"]`).getAttribute('data-value'));
    expect(await number(liveRow, 'requests')).toBeGreaterThanOrEqual(8);
    expect(await number(mirrorRow, 'requests')).toBeGreaterThanOrEqual(8);
    expect(await number(mirrorRow, 'p99')).toBeGreaterThanOrEqual(MIRROR_DELAY_MS);
    expect(await number(mirrorRow, 'mean')).toBeGreaterThan(await number(liveRow, 'mean'));
    expect(await browser.page.locator('[data-edge="mirror"][data-cluster="bookservicemirror"] path.edge-mirror').count()).toBe(1);
    expect(await browser.page.locator('[data-edge="live"][data-cluster="bookservice"]').count()).toBe(1);
    expect(await browser.page.getByText('No collector is configured').count()).toBe(1);
    await screenshot(browser.page, 'mirror');
  });
});
