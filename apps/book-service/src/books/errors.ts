import { ProblemException } from '@mirrormesh/service-kit';

/** Base of the book service's own errors. */
export abstract class BookServiceError extends ProblemException {}

export class InvalidBookIdError extends BookServiceError {
  constructor(raw: string) {
    const shown = raw.length > 32 ? `${raw.slice(0, 32)}…` : raw;
    super(400, 'INVALID_BOOK_ID', `Book id must be a positive integer (got ${JSON.stringify(shown)})`);
  }
}

export class BookNotFoundError extends BookServiceError {
  constructor(id: number) {
    super(404, 'BOOK_NOT_FOUND', `There is no book with id ${id}`);
  }
}

/** The fault variant's deliberate failure: what the mirror must expose and users never see. */
export class InjectedReviewsFaultError extends BookServiceError {
  constructor(id: number) {
    super(500, 'REVIEWS_FAULT', `Reviews of book ${id} failed (fault variant)`);
  }
}
