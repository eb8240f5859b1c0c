import type { Book, BookReviews } from '@mirrormesh/catalog';
import { type Loaded, useApi } from '../api/use-api';
import { Link } from '../router/router';
import { useUser } from '../session/use-user';
import { formatYear } from './format-year';
import { ReviewList } from './review-list';
import { ServedBy } from './served-by';

export const REVIEWS_UNAVAILABLE = 'Sorry, product reviews are currently unavailable for this book.';

function tagOf(loaded: Loaded<unknown>): string | null {
  if (loaded.state === 'ok') return loaded.versionTag;
  if (loaded.state === 'error') return loaded.error.versionTag;
  return null;
}

/** A book and its reviews, loaded side by side: failing reviews never hide the book. */
export function BookPage({ id }: { readonly id: number }) {
  const user = useUser();
  const book = useApi<Book>(`/api/books/${id}`, user);
  const reviews = useApi<BookReviews>(`/api/books/${id}/reviews`, user);
  if (book.state === 'loading') {
    return (
      <>
        <h1>Book</h1>
        <p role="status" className="muted">
          Loading the book…
        </p>
      </>
    );
  }
  if (book.state === 'error') {
    return (
      <>
        <h1>{book.error.status === 404 ? 'Book not found' : 'Book unavailable'}</h1>
        <p role="alert" className="error">
          {book.error.status === 404
            ? `There is no book number ${id}.`
            : 'Sorry, this book is currently unavailable. Please try again in a moment.'}
        </p>
        <p>
          <Link to="/">Back to the catalogue</Link>
        </p>
      </>
    );
  }
  const b = book.data;
  return (
    <article className="book">
      <p className="breadcrumb">
        <Link to="/">← All books</Link>
      </p>
      <h1>{b.title}</h1>
      <p className="byline">
        {b.author}, {formatYear(b.year)}
      </p>
      <p className="summary">{b.summary}</p>
      <dl className="details">
        <div>
          <dt>Pages</dt>
          <dd>{b.pages}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{b.language}</dd>
        </div>
        <div>
          <dt>Publisher</dt>
          <dd>{b.publisher}</dd>
        </div>
        <div>
          <dt>ISBN-13</dt>
          <dd>{b.isbn13}</dd>
        </div>
      </dl>
      <section aria-labelledby="reviews-heading" aria-busy={reviews.state === 'loading'} className="reviews">
        <h2 id="reviews-heading">Reviews</h2>
        {reviews.state === 'loading' && (
          <p role="status" className="muted">
            Loading reviews…
          </p>
        )}
        {reviews.state === 'error' && (
          <p role="alert" className="error" data-testid="reviews-error">
            {REVIEWS_UNAVAILABLE}
          </p>
        )}
        {reviews.state === 'ok' && <ReviewList reviews={reviews.data} />}
      </section>
      <ServedBy tags={[book.versionTag, tagOf(reviews)]} />
    </article>
  );
}
