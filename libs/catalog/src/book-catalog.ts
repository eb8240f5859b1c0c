import { type Book, type BookReviews, type Review } from './book.dto';
import { BOOKS } from './books.data';
import { REVIEWS } from './reviews.data';

/** Read-only access to the catalogue, indexed once so that every look-up is O(1). */
export class BookCatalog {
  private readonly byId: ReadonlyMap<number, Book>;
  private readonly reviewsByBook: ReadonlyMap<number, BookReviews>;

  constructor(
    private readonly books: readonly Book[] = BOOKS,
    reviews: readonly Review[] = REVIEWS,
  ) {
    this.byId = new Map(books.map((book) => [book.id, book]));
    const grouped = new Map<number, Review[]>(books.map((book) => [book.id, []]));
    for (const review of reviews) grouped.get(review.bookId)?.push(review);
    this.reviewsByBook = new Map(
      [...grouped].map(([bookId, list]) => [bookId, { bookId, reviews: list, averageRating: averageRating(list) }]),
    );
  }

  list(): readonly Book[] {
    return this.books;
  }

  find(id: number): Book | undefined {
    return this.byId.get(id);
  }

  /** The reviews of a book, or undefined when there is no such book. */
  reviewsOf(id: number): BookReviews | undefined {
    return this.reviewsByBook.get(id);
  }
}

function averageRating(reviews: readonly Review[]): number | null {
  if (reviews.length === 0) return null;
  const sum = reviews.reduce((total, review) => total + review.rating, 0);
  return Math.round((sum / reviews.length) * 10) / 10;
}
