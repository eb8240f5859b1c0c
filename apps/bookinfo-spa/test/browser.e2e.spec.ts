import type { Book } from '@mirrormesh/catalog';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { formatYear } from '../web/src/pages/format-year';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { startFakeCollector, type FakeCollector } from './support/fake-collector';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const MIRROR_DELAY_MS = 400;
const REVIEWS_UNAVAILABLE = 'Sorry, product reviews are currently unavailable for this book.';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  page = await context.newPage();
  errors = collectPageErrors(page);
});
afterEach(async () => {
  await context?.close();
  // Uncaught errors, CSP violations and React warnings all land here.
  expect(errors).toEqual([]);
});

// The proxy's stats count every proxy of the process: each SPA runs alone, one describe after the other.
describe('the SPA in Chromium, in front of real book services', () => {
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
    await page.goto(`${spa.url}/`);
    const rows = page.locator('table.catalogue tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(catalogue.length);
    for (const book of catalogue) {
      const row = page.locator(`tr[data-book-id="${book.id}"]`);
      expect(await row.locator('th').innerText()).toBe(book.title);
      expect(await row.locator('td').allInnerTexts()).toEqual([book.author, formatYear(book.year)]);
    }
    expect(await page.title()).toBe('Books · Bookinfo');
    await screenshot(page, 'books');
  });

  it('shows a book with its reviews after a click, and the serving version', async () => {
    await page.goto(`${spa.url}/`);
    await page.getByRole('link', { name: 'Pride and Prejudice' }).click();
    await page.waitForURL(`${spa.url}/books/2`);
    await page.getByRole('heading', { level: 1, name: 'Pride and Prejudice' }).waitFor();
    const reviews = page.locator('[data-testid="reviews"] li');
    await reviews.first().waitFor();
    expect(await reviews.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('served-by').innerText()).toContain('V1MIR-LiveBookService');
    await screenshot(page, 'book');
  });

  it('sends end-user on every API call once signed in, and stops after sign-out', async () => {
    await page.goto(`${spa.url}/sign-in`);
    await page.getByLabel('User name').fill('jason');
    await screenshot(page, 'sign-in');
    await page.getByLabel('User name').press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe('Signed in as jason');
    await page.locator('table.catalogue tbody tr').first().waitFor();
    const seenBefore = liveRecorder.requests.length;
    await page.getByRole('link', { name: 'Moby-Dick' }).click();
    await page.locator('[data-testid="reviews"] li').first().waitFor();
    const calls = liveRecorder.requests.slice(seenBefore);
    expect(calls.map((r) => r.url).sort()).toEqual(['/books/3', '/books/3/reviews']);
    for (const call of calls) expect(call.headers['end-user']).toBe('jason');
    await screenshot(page, 'book-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    const seenAfter = liveRecorder.requests.length;
    await page.getByRole('link', { name: '← All books' }).click();
    await page.locator('table.catalogue tbody tr').first().waitFor();
    const later = liveRecorder.requests.slice(seenAfter);
    expect(later.length).toBeGreaterThan(0);
    for (const call of later) expect(call.headers['end-user']).toBeUndefined();
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(`${spa.url}/`);
    await page.locator('table.catalogue tbody tr').first().waitFor();
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'The Comedy of Errors'; i += 1) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate('document.activeElement?.textContent ?? ""'));
    }
    expect(focused).toBe('The Comedy of Errors');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${spa.url}/books/1`);
    // After navigating, focus moves to the new content for screen readers and keyboards.
    await page.getByRole('heading', { level: 1, name: 'The Comedy of Errors' }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
  });

  it('shows the catalogue as cards on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${spa.url}/`);
    await page.locator('table.catalogue tbody tr').first().waitFor();
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'books-phone');
  });

  it('shows live and mirror on the dashboard, the mirror slower', async () => {
    for (let i = 1; i <= 8; i += 1) expect((await get(`${spa.url}/api/books/${(i % 5) + 1}/reviews`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, MIRROR_DELAY_MS + 200));
    await page.goto(`${spa.url}/mirror`);
    const liveRow = page.locator('tr[data-role="live"]');
    const mirrorRow = page.locator('tr[data-role="mirror"]');
    await mirrorRow.waitFor();
    const number = async (row: typeof liveRow, field: string) => Number(await row.locator(`[data-field="${field}"]`).getAttribute('data-value'));
    expect(await number(liveRow, 'requests')).toBeGreaterThanOrEqual(8);
    expect(await number(mirrorRow, 'requests')).toBeGreaterThanOrEqual(8);
    expect(await number(mirrorRow, 'p99')).toBeGreaterThanOrEqual(MIRROR_DELAY_MS);
    expect(await number(mirrorRow, 'mean')).toBeGreaterThan(await number(liveRow, 'mean'));
    expect(await page.locator('[data-edge="mirror"][data-cluster="bookservicemirror"] path.edge-mirror').count()).toBe(1);
    expect(await page.locator('[data-edge="live"][data-cluster="bookservice"]').count()).toBe(1);
    expect(await page.getByText('No collector is configured').count()).toBe(1);
    await screenshot(page, 'mirror');
  });
});

describe('the SPA in Chromium, in front of a fault-variant live book service', () => {
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
    await page.goto(`${faultSpa.url}/books/2`);
    await page.getByRole('heading', { level: 1, name: 'Pride and Prejudice' }).waitFor();
    const alert = page.getByTestId('reviews-error');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(REVIEWS_UNAVAILABLE);
    expect(await page.getByTestId('served-by').innerText()).toContain('V4MIR-BookServiceFault');
    await screenshot(page, 'book-reviews-unavailable');
    // The page still works: back to the catalogue, then a book whose reviews succeed.
    await page.getByRole('link', { name: '← All books' }).click();
    await page.locator('table.catalogue tbody tr').first().waitFor();
    await page.getByRole('link', { name: 'Moby-Dick' }).click();
    await page.locator('[data-testid="reviews"] li').first().waitFor();
    expect(await page.getByTestId('reviews-error').count()).toBe(0);
  });
});

describe('the Mirror page with a collector', () => {
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
    await page.goto(`${spa.url}/mirror`);
    const rows = page.locator('table[aria-label="Requests per version from the collector"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.locator('tr[data-version="V3MIR-BookServiceDelay"] td').allInnerTexts()).toEqual(['V3MIR-BookServiceDelay', '200', '12', '301 ms', '300 ms', '305 ms', '310 ms']);
    await screenshot(page, 'mirror-with-collector');
  });
});
