import {
  type Book,
  type BookReviews,
  type SchemaChangeBook,
  type SchemaChangeBookReviews,
  type ServedBook,
  type ServedBookReviews,
} from '@mirrormesh/catalog';
import { type VariantConfig } from '../config/book-service.config';
import { formatServedAt, preciseNow } from './served-at';

/** How a variant shapes the catalogue's data into answers: every answer is stamped with `servedAt`. */
export interface AnswerShape {
  book(book: Book): ServedBook | SchemaChangeBook;
  reviews(reviews: BookReviews): ServedBookReviews | SchemaChangeBookReviews;
}

export const ANSWER_SHAPE = Symbol('ANSWER_SHAPE');

/** `now` (ms since the epoch, fractional) is injected so that tests can pin `servedAt`; each answer reads it once. */
export function createAnswerShape(variant: VariantConfig, now: () => number = preciseNow): AnswerShape {
  const servedAt = () => formatServedAt(now());
  if (variant.kind !== 'schema-change') {
    return {
      book: (book) => ({ ...book, servedAt: servedAt() }),
      reviews: (reviews) => ({ ...reviews, servedAt: servedAt() }),
    };
  }
  // The contract break a shadow diff must catch: `rating` renamed `stars`, `year` a string.
  return {
    book: (book) => ({ ...book, year: String(book.year), servedAt: servedAt() }),
    reviews: (reviews) => ({
      ...reviews,
      reviews: reviews.reviews.map(({ rating, ...review }) => ({ ...review, stars: rating })),
      servedAt: servedAt(),
    }),
  };
}
