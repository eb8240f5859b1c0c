import { type SchemaChangeBook, type SchemaChangeBookReviews, type ServedBook, type ServedBookReviews } from '@mirrormesh/catalog';
import { startBookService, type RunningBookService } from './support/book-service.fixture';

describe('book service, schema-change variant', () => {
  let live: RunningBookService;
  let changed: RunningBookService;
  beforeAll(async () => {
    [live, changed] = await Promise.all([startBookService(), startBookService({ BOOK_SERVICE_VARIANT: 'schema-change' })]);
  });
  afterAll(() => Promise.all([live.close(), changed.close()]));

  it('reports as the lab’s schema-change version by default', async () => {
    expect((await changed.get('/books')).headers['x-version-tag']).toBe('V5MIR-BookServiceSchemaChange');
  });

  it('answers reviews with stars instead of rating, the same values as live', async () => {
    const before = (await live.get('/books/2/reviews')).body as ServedBookReviews;
    const res = await changed.get('/books/2/reviews');
    expect(res.status).toBe(200);
    const after = res.body as SchemaChangeBookReviews;
    expect(after.reviews.map((r) => r.stars)).toEqual(before.reviews.map((r) => r.rating));
    for (const review of after.reviews) expect(Object.keys(review).sort()).toEqual(['bookId', 'id', 'reviewer', 'stars', 'text']);
    expect(after.averageRating).toBe(before.averageRating);
  });

  it('answers a book’s year as a string, in the book and in the list', async () => {
    const book = (await changed.get('/books/2')).body as SchemaChangeBook;
    expect(book.year).toBe('1813');
    const list = (await changed.get('/books')).body as SchemaChangeBook[];
    expect(list.every((b) => typeof b.year === 'string')).toBe(true);
    expect(((await live.get('/books/2')).body as ServedBook).year).toBe(1813);
  });

  it('keeps the errors of live: 400 and 404 problem bodies', async () => {
    expect((await changed.get('/books/abc/reviews')).body).toMatchObject({ status: 400, code: 'INVALID_BOOK_ID' });
    expect((await changed.get('/books/999/reviews')).body).toMatchObject({ status: 404, code: 'BOOK_NOT_FOUND' });
  });
});

describe('servedAt, on every variant', () => {
  const variants = ['live', 'delay', 'fault', 'schema-change'];
  let services: RunningBookService[];
  beforeAll(async () => {
    services = await Promise.all(variants.map((v) => startBookService({ BOOK_SERVICE_VARIANT: v, REVIEWS_DELAY_MS: '0' })));
  });
  afterAll(() => Promise.all(services.map((s) => s.close())));

  it.each(variants.map((v, i) => [v, i] as const))('%s stamps each JSON answer with the ISO time it was served', async (_v, i) => {
    const svc = services[i]!;
    const before = Date.now();
    const book = (await svc.get('/books/1')).body as { servedAt: string };
    const reviews = (await svc.get('/books/1/reviews')).body as { servedAt: string };
    const list = (await svc.get('/books')).body as { servedAt: string }[];
    const after = Date.now();
    for (const servedAt of [book.servedAt, reviews.servedAt, ...list.map((b) => b.servedAt)]) {
      expect(servedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(Date.parse(servedAt)).toBeGreaterThanOrEqual(Math.floor(before));
      expect(Date.parse(servedAt)).toBeLessThanOrEqual(after);
    }
  });

  it('is documented in the OpenAPI description', async () => {
    const docs = (await services[0]!.get('/docs')).body as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    const text = JSON.stringify(docs.paths['/books/{id}/reviews']?.get.responses['200']);
    expect(text).toContain('servedAt');
    expect(text).toContain('stars');
  });
});
