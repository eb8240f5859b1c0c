import { type AnswerDiffReport } from '../src/mesh/answer-diff.dto';
import { describeInChromium, screenshot, useBrowserPage } from './support/browser';
import { get } from './support/http';
import { startMirroredSpa, type MirroredSpa } from './support/mirrored-spa';

const browser = useBrowserPage();

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
