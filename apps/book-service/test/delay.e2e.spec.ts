import { startBookService, type RunningBookService } from './support/book-service.fixture';

describe('book service, delay variant', () => {
  const DELAY_MS = 300;
  let svc: RunningBookService;
  beforeAll(async () => {
    svc = await startBookService({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: String(DELAY_MS) });
  });
  afterAll(() => svc.close());

  it('reports as the lab’s delay version by default', async () => {
    expect((await svc.get('/books')).headers['x-version-tag']).toBe('V3MIR-BookServiceDelay');
  });

  it('answers reviews after at least the delay', async () => {
    const res = await svc.get('/books/3/reviews');
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(DELAY_MS - 1);
  });

  it('does not delay the other routes', async () => {
    const [list, book] = await Promise.all([svc.get('/books'), svc.get('/books/3')]);
    expect(list.ms).toBeLessThan(DELAY_MS);
    expect(book.ms).toBeLessThan(DELAY_MS);
  });

  it('delays concurrent reviews side by side, not one after another', async () => {
    const started = performance.now();
    const all = await Promise.all([1, 2, 3, 4, 5].map((id) => svc.get(`/books/${id}/reviews`)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(performance.now() - started).toBeLessThan(DELAY_MS * 3);
  });
});
