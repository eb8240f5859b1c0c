import { type Book, type BookReviews } from '@mirrormesh/catalog';
import { request } from 'undici';
import { startBookService, type RunningBookService } from './support/book-service.fixture';

describe('book service, live variant', () => {
  let svc: RunningBookService;
  beforeAll(async () => {
    svc = await startBookService();
  });
  afterAll(() => svc.close());

  it('lists the catalogue', async () => {
    const res = await svc.get('/books');
    expect(res.status).toBe(200);
    const books = res.body as Book[];
    expect(books.length).toBeGreaterThanOrEqual(8);
    expect(books[0]).toEqual(
      expect.objectContaining({ id: 1, title: expect.any(String), author: expect.any(String), year: expect.any(Number) }),
    );
  });

  it('returns one book and its reviews', async () => {
    const book = await svc.get('/books/2');
    expect(book.status).toBe(200);
    expect((book.body as Book).title).toBe('Pride and Prejudice');
    const reviews = await svc.get('/books/2/reviews');
    expect(reviews.status).toBe(200);
    const body = reviews.body as BookReviews;
    expect(body.bookId).toBe(2);
    expect(body.reviews.length).toBeGreaterThanOrEqual(3);
    for (const r of body.reviews) expect(r.rating).toBeGreaterThanOrEqual(1);
  });

  it('tags every response, errors included, with the version', async () => {
    for (const path of ['/books', '/books/abc', '/nope', '/health/live']) {
      expect((await svc.get(path)).headers['x-version-tag']).toBe('V1MIR-LiveBookService');
    }
  });

  it('keeps the caller’s x-request-id so a mirror copy can be joined with live, and makes one otherwise', async () => {
    expect((await svc.get('/books/1', { 'x-request-id': 'abc-123' })).headers['x-request-id']).toBe('abc-123');
    expect((await svc.get('/books/1')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await svc.get('/books/1', { 'x-request-id': 'x'.repeat(500) })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['/books/abc', '/books/0', '/books/-1', '/books/1.5', '/books/99999999999', '/books/abc/reviews'])(
    'answers 400 with a problem body for the bad id in %s',
    async (path) => {
      const res = await svc.get(path);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400, code: 'INVALID_BOOK_ID', detail: expect.stringContaining('positive integer') });
    },
  );

  it('answers 404 for an unknown book, its reviews and an unknown route', async () => {
    expect((await svc.get('/books/999')).body).toMatchObject({ status: 404, code: 'BOOK_NOT_FOUND' });
    expect((await svc.get('/books/999/reviews')).body).toMatchObject({ status: 404, code: 'BOOK_NOT_FOUND' });
    expect((await svc.get('/no/such/route')).body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('never turns a malformed request into a 500', async () => {
    const badJson = await request(`${svc.url}/books`, { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(await badJson.body.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const badType = await request(`${svc.url}/books`, { method: 'POST', body: 'x', headers: { 'content-type': 'application/x-nope' } });
    expect(badType.statusCode).toBeLessThan(500);
    await badType.body.dump();
    const encoded = await svc.get('/books/%E0%A4%A');
    expect(encoded.status).toBe(400);
    expect(encoded.headers['content-type']).toContain('application/problem+json');
    expect(encoded.body).toMatchObject({ status: 400, code: 'BAD_URL' });
  });

  it('serves its OpenAPI description and health', async () => {
    const docs = await svc.get('/docs');
    expect(docs.status).toBe(200);
    expect(Object.keys((docs.body as { paths: object }).paths)).toEqual(['/books', '/books/{id}', '/books/{id}/reviews']);
    expect((await svc.get('/health/live')).status).toBe(200);
    expect((await svc.get('/health/ready')).body).toMatchObject({ status: 'ok' });
  });
});
