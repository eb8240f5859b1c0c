import { BookCatalog, BOOKS, REVIEWS } from './index';

describe('BookCatalog', () => {
  const catalog = new BookCatalog();

  it('holds at least eight books with unique ids', () => {
    expect(catalog.list().length).toBeGreaterThanOrEqual(8);
    expect(new Set(BOOKS.map((b) => b.id)).size).toBe(BOOKS.length);
  });

  it('gives every book several reviews rated 1 to 5, all pointing at real books', () => {
    for (const book of BOOKS) expect(catalog.reviewsOf(book.id)!.reviews.length).toBeGreaterThanOrEqual(3);
    for (const review of REVIEWS) {
      expect(catalog.find(review.bookId)).toBeDefined();
      expect(review.rating).toBeGreaterThanOrEqual(1);
      expect(review.rating).toBeLessThanOrEqual(5);
    }
  });

  it('finds a book and its reviews by id, and nothing for an unknown id', () => {
    expect(catalog.find(2)?.title).toBe('Pride and Prejudice');
    expect(catalog.find(999)).toBeUndefined();
    expect(catalog.reviewsOf(999)).toBeUndefined();
  });

  it('averages ratings to one decimal, null without reviews', () => {
    const small = new BookCatalog(
      [BOOKS[0]!, BOOKS[1]!],
      [
        { id: 1, bookId: 1, reviewer: 'a', rating: 5, text: '' },
        { id: 2, bookId: 1, reviewer: 'b', rating: 4, text: '' },
        { id: 3, bookId: 1, reviewer: 'c', rating: 4, text: '' },
      ],
    );
    expect(small.reviewsOf(1)!.averageRating).toBe(4.3);
    expect(small.reviewsOf(2)).toEqual({ bookId: 2, reviews: [], averageRating: null });
  });
});
