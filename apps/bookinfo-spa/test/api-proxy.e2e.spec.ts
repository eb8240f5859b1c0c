import type { Book, BookReviews } from '@mirrormesh/catalog';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { spawnBookService, type SpawnedBookService } from './support/spawn-book-service';
import { startSpa, type RunningSpa } from './support/spa-fixture';

describe('the in-process sidecar under /api, in front of real book services', () => {
  let live: SpawnedBookService;
  let liveRecorder: RecordingUpstream;
  let mirror: RecordingUpstream;
  let spa: RunningSpa;

  beforeAll(async () => {
    live = await spawnBookService({ VERSION_TAG: 'V1MIR-LiveBookService' });
    liveRecorder = await startRecordingUpstream({ target: live.url });
    mirror = await startRecordingUpstream();
    spa = await startSpa({ live: liveRecorder.endpoint, mirror: mirror.endpoint });
  });
  afterAll(async () => {
    await spa?.close();
    await mirror?.close();
    await liveRecorder?.close();
    await live?.stop();
  });

  it('serves the catalogue from the bookservice cluster with the prefix stripped', async () => {
    const answer = await get(`${spa.url}/api/books`);
    expect(answer.status).toBe(200);
    const books = answer.json<Book[]>();
    expect(books.length).toBeGreaterThanOrEqual(5);
    expect(books[0]).toEqual(expect.objectContaining({ id: 1, title: 'The Comedy of Errors' }));
    expect(answer.headers['x-version-tag']).toBe('V1MIR-LiveBookService');
    expect(liveRecorder.requests.at(-1)?.url).toBe('/books');
  });

  it('serves reviews and passes end-user through to the live upstream', async () => {
    const answer = await get(`${spa.url}/api/books/1/reviews`, { 'end-user': 'jason' });
    expect(answer.status).toBe(200);
    expect(answer.json<BookReviews>().bookId).toBe(1);
    const seen = liveRecorder.requests.at(-1);
    expect(seen?.url).toBe('/books/1/reviews');
    expect(seen?.headers['end-user']).toBe('jason');
  });

  it('mirrors /api/books… to the mirror cluster', async () => {
    const before = mirror.requests.length;
    await get(`${spa.url}/api/books/2`);
    for (let i = 0; i < 100 && mirror.requests.length === before; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(mirror.requests.at(-1)?.url).toBe('/books/2');
  });

  it('answers unknown /api paths with the proxy 404 JSON, never the app shell', async () => {
    const answer = await get(`${spa.url}/api/nothing-here`, { accept: 'text/html' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/json/);
    expect(answer.json<{ code: string }>().code).toBe('NO_ROUTE');
  });

  it('keeps its health endpoints beside the proxy', async () => {
    expect((await get(`${spa.url}/health/live`)).status).toBe(200);
    expect((await get(`${spa.url}/health/ready`)).status).toBe(200);
  });
});
