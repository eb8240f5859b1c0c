import { screenshot, useBrowserPage } from './support/browser';
import { type FakeCollector } from './support/fake-collector';
import { startMirroredSpa, type MirroredSpa } from './support/mirrored-spa';
import { type RunningSpa } from './support/spa-fixture';

const browser = useBrowserPage();

const row = (podVersion: string, resultCode: string, requestCount: number, duration: number) => ({
  name: 'GET /books/:id/reviews',
  podVersion,
  resultCode,
  duration,
  requestCount,
  p50: duration,
  p95: duration,
  p99: duration,
});

/** After `rollout v4-fault`: the collector still holds v3's slow answers from earlier in the window. */
const ROWS_AFTER_ROLLOUT = [
  row('V1MIR-LiveBookService', '200', 40, 2),
  row('V3MIR-BookServiceDelay', '200', 30, 1201),
  row('V4MIR-BookServiceFault', '200', 8, 2),
  row('V4MIR-BookServiceFault', '500', 2, 1.5),
];

// Regression: after rolling out v4 the Mirror page still showed v3's 1.2 s history, counted
// from the front end's start, with nothing saying which mirror version served now.
describe('the Mirror page after a rollout', () => {
  let mesh: MirroredSpa;
  let collector: FakeCollector;
  let spa: RunningSpa;

  beforeAll(async () => {
    mesh = await startMirroredSpa({ BOOK_SERVICE_VARIANT: 'fault' }, ROWS_AFTER_ROLLOUT);
    ({ collector, spa } = mesh);
  }, 60_000);
  afterAll(() => mesh?.close());

  it('names the mirror serving now and keeps each version apart, with its role now', async () => {
    await browser.page.goto(`${spa.url}/mirror`);
    await browser.page.locator('[data-testid="mirror-version"]').waitFor();
    expect(await browser.page.locator('[data-testid="mirror-version"]').innerText()).toBe('V4MIR-BookServiceFault');
    expect(await browser.page.locator('[data-testid="live-version"]').innerText()).toBe('V1MIR-LiveBookService');
    const rows = browser.page.locator('tr[data-version-tag]');
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-version-tag')} ${tr.getAttribute('data-version-role')}`)),
    ).toEqual(['V1MIR-LiveBookService live', 'V4MIR-BookServiceFault mirror', 'V3MIR-BookServiceDelay earlier']);
    const mirrorRow = browser.page.locator('tr[data-version-tag="V4MIR-BookServiceFault"]');
    expect(await mirrorRow.locator('[data-field="requests"]').getAttribute('data-value')).toBe('10');
    expect(await mirrorRow.locator('[data-field="error-rate"]').getAttribute('data-value')).toBe('0.2');
    expect(await mirrorRow.locator('td').last().innerText()).toBe('200 × 8, 500 × 2');
    await screenshot(browser.page, 'mirror-after-rollout');
  });

  it('asks the collector for the window the selector names', async () => {
    await browser.page.goto(`${spa.url}/mirror`);
    const label = browser.page.locator('[data-testid="window-label"]');
    await label.waitFor();
    expect(await label.innerText()).toBe('last 15 min');
    expect(collector.queries.at(-1)).toMatch(/since=15m$/);

    await browser.page.getByLabel('Window').selectOption('1m');
    await browser.page.locator('[data-testid="window-label"]', { hasText: 'last 1 min' }).waitFor();
    expect(collector.queries.at(-1)).toMatch(/since=1m$/);

    await browser.page.getByLabel('Window').selectOption('start');
    await browser.page.locator('[data-testid="window-label"]', { hasText: 'since start' }).waitFor();
    // Since this front end started: an absolute time, not the collector's whole store.
    expect(decodeURIComponent(collector.queries.at(-1) ?? '')).toMatch(/since=\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  });
});
