import { type Book, type BookReviews, type Review } from './book.dto';

/**
 * What every JSON answer of the book service carries besides its data: when it was served
 * (ISO 8601). It differs on every call, even between two instances of the same version, which
 * is what a shadow diff's noise cluster is there to recognise.
 */
export interface Served {
  readonly servedAt: string;
}

/** `GET /books/:id`, and each item of `GET /books`. */
export type ServedBook = Book & Served;

/** `GET /books/:id/reviews`. */
export type ServedBookReviews = BookReviews & Served;

// The schema-change variant (V5MIR-BookServiceSchemaChange): a candidate whose answers break
// the contract in two ways a shadow diff must find.

/** A review of the schema-change variant: `stars` replaces `rating`. */
export type SchemaChangeReview = Omit<Review, 'rating'> & { readonly stars: Review['rating'] };

/** A book of the schema-change variant: `year` is a string (`"1813"`, `"-700"`). */
export type SchemaChangeBook = Omit<Book, 'year'> & { readonly year: string } & Served;

export type SchemaChangeBookReviews = Omit<BookReviews, 'reviews'> & { readonly reviews: readonly SchemaChangeReview[] } & Served;
