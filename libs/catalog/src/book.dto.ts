/** A book as the API returns it (`GET /books`, `GET /books/:id`). */
export interface Book {
  readonly id: number;
  readonly title: string;
  readonly author: string;
  readonly year: number;
  readonly pages: number;
  readonly language: string;
  readonly publisher: string;
  readonly isbn13: string;
  readonly summary: string;
}

/** A reader's review (`GET /books/:id/reviews`). */
export interface Review {
  readonly id: number;
  readonly bookId: number;
  readonly reviewer: string;
  /** 1 to 5 stars. */
  readonly rating: 1 | 2 | 3 | 4 | 5;
  readonly text: string;
}

/** The body of `GET /books/:id/reviews`. */
export interface BookReviews {
  readonly bookId: number;
  readonly reviews: readonly Review[];
  /** Mean rating over the reviews, one decimal; null when there are none. */
  readonly averageRating: number | null;
}

/** An RFC 9457 problem body, as every service answers errors. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
}
