import { startBookService, type RunningBookService } from './support/book-service.fixture';

describe('book service, fault variant', () => {
  let svc: RunningBookService;
  beforeAll(async () => {
    svc = await startBookService({ BOOK_SERVICE_VARIANT: 'fault' });
  });
  afterAll(() => svc.close());

  it('reports as the lab’s fault version by default', async () => {
    expect((await svc.get('/books')).headers['x-version-tag']).toBe('V4MIR-BookServiceFault');
  });

  it('answers 500 with a problem body for the reviews of books 2 and 4', async () => {
    for (const id of [2, 4]) {
      const res = await svc.get(`/books/${id}/reviews`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 500, code: 'REVIEWS_FAULT', detail: `Reviews of book ${id} failed (fault variant)` });
    }
  });

  it('behaves as live everywhere else', async () => {
    for (const id of [1, 3, 5, 6, 7, 8]) expect((await svc.get(`/books/${id}/reviews`)).status).toBe(200);
    for (const id of [2, 4]) expect((await svc.get(`/books/${id}`)).status).toBe(200);
    expect((await svc.get('/books')).status).toBe(200);
  });

  it('honours FAULT_BOOK_IDS', async () => {
    const other = await startBookService({ BOOK_SERVICE_VARIANT: 'fault', FAULT_BOOK_IDS: '1, 7' });
    try {
      expect((await other.get('/books/1/reviews')).status).toBe(500);
      expect((await other.get('/books/7/reviews')).status).toBe(500);
      expect((await other.get('/books/2/reviews')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
