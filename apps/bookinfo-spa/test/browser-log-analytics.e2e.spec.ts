import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { startFakeCollector, type FakeCollector } from './support/fake-collector';
import { COLUMNCHART_QUERY, MALFORMED_QUERY, SPLIT_CHART_QUERY, TIMECHART_QUERY } from './support/fake-log-analytics';
import { labQuery } from './support/lab-query';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const browser = useBrowserPage();

describeInChromium('the Mirror page’s Log Analytics box', () => {
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

  const page = () => browser.page;
  const state = () => page().locator('[data-log-analytics] [data-query-state]');
  const waitForState = (value: string) => page().locator(`[data-log-analytics] [data-query-state="${value}"]`).waitFor();

  /** Replaces the box's text, as someone typing it would. */
  const typeQuery = async (query: string) => {
    const box = page().getByRole('textbox', { name: 'Query' });
    await box.fill(query);
    return box;
  };

  it('runs the lab’s query, preloaded from LogAnalyticsQuery.md, and shows its table', async () => {
    await page().goto(`${spa.url}/mirror`);
    const box = page().getByRole('textbox', { name: 'Query' });
    expect(await box.inputValue()).toBe(labQuery());
    await page().getByLabel('Time range').selectOption({ label: 'Last 15 min' });
    await page().getByRole('button', { name: 'Run' }).click();
    await waitForState('ok');
    expect(await state().innerText()).toBe('3 rows, 5 columns (last 15 min).');
    expect(collector.posts.at(-1)).toEqual({ query: labQuery(), timespan: 'PT15M' });

    const table = page().locator('table[data-query-table="PrimaryResult"]');
    const headers = table.locator('thead th');
    expect(await headers.evaluateAll((ths) => ths.map((th) => [th.getAttribute('data-column'), th.getAttribute('data-type')]))).toEqual([
      ['name', 'string'],
      ['podVersion', 'string'],
      ['resultCode', 'string'],
      ['duration', 'real'],
      ['requestCount', 'long'],
    ]);
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tr[data-row="0"] td').allInnerTexts()).toEqual([
      'GET /books/:id/reviews',
      'V3MIR-BookServiceDelay',
      '200',
      '301.235',
      '12',
    ]);
    const duration = table.locator('tr[data-row="0"] td[data-column="duration"]');
    expect(await duration.getAttribute('data-value')).toBe('301.23456');
    // An expression: the tests compile without the DOM's types.
    const durationCell = 'table[data-query-table="PrimaryResult"] tr[data-row="0"] td[data-column="duration"]';
    expect(await page().evaluate(`getComputedStyle(document.querySelector('${durationCell}')).textAlign`)).toBe('right');
    await screenshot(page(), 'mirror-log-analytics-table');
  });

  it('shows a refusal with its message and a caret under the column, Ctrl+Enter running it', async () => {
    await page().goto(`${spa.url}/mirror`);
    const box = await typeQuery(MALFORMED_QUERY);
    await box.press('Control+Enter');
    await waitForState('refused');
    const refusal = page().locator('[data-query-refusal="SyntaxError"]');
    expect(await refusal.locator('[data-field="message"]').innerText()).toBe('Missing expression (line 2, column 8)');
    expect(await refusal.locator('[data-field="query-line"]').textContent()).toBe('| where ');
    expect(await refusal.locator('[data-field="caret"]').textContent()).toBe(`${' '.repeat(7)}^`);
    expect(collector.posts.at(-1)).toEqual({ query: MALFORMED_QUERY, timespan: 'P1D' });
    await screenshot(page(), 'mirror-log-analytics-refusal');
  });

  it('draws `render timechart` as an SVG line, one point per row', async () => {
    await page().goto(`${spa.url}/mirror`);
    await typeQuery(TIMECHART_QUERY);
    await page().getByLabel('Time range').selectOption({ label: 'All time' });
    await page().getByRole('button', { name: 'Run' }).click();
    await waitForState('ok');
    expect(collector.posts.at(-1)).toEqual({ query: TIMECHART_QUERY });
    const chart = page().locator('figure[data-query-chart="timechart"]');
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toBe('timechart of count_ by timestamp, 3 points');
    const series = chart.locator('g[data-series="count_"]');
    expect(await series.getAttribute('data-points')).toBe('3');
    expect((await series.locator('polyline').getAttribute('points'))?.split(' ')).toHaveLength(3);
    // The rows stay readable under the chart.
    expect(await page().locator('table[data-query-table="PrimaryResult"] tbody tr').count()).toBe(3);
    await screenshot(page(), 'mirror-log-analytics-timechart');
  });

  it('draws `render columnchart` as one SVG bar per row and series', async () => {
    await page().goto(`${spa.url}/mirror`);
    await typeQuery(COLUMNCHART_QUERY);
    await page().getByRole('button', { name: 'Run' }).click();
    await waitForState('ok');
    const series = page().locator('figure[data-query-chart="columnchart"] g[data-series="count_"]');
    expect(await series.locator('rect').count()).toBe(2);
    const heights = await series.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights[0]).toBeGreaterThan(heights[1] ?? Infinity);
  });

  it('shows the table with a note when the columns do not fit the chart', async () => {
    await page().goto(`${spa.url}/mirror`);
    await typeQuery(SPLIT_CHART_QUERY);
    await page().getByRole('button', { name: 'Run' }).click();
    await waitForState('ok');
    expect(await page().locator('figure[data-query-chart]').count()).toBe(0);
    expect(await page().locator('[data-log-analytics] [data-field="chart-note"]').innerText()).toBe(
      "Column 'cloud_RoleName' (string) is not numeric: Kusto would split the series by it, which this page does not draw. The rows are below.",
    );
    expect(await page().locator('table[data-query-table="PrimaryResult"] tbody tr').count()).toBe(2);
  });
});
