import type { Book } from '@mirrormesh/catalog';
import { useApi } from '../api/use-api';
import { bookPath } from '../router/match-route';
import { Link } from '../router/router';
import { useUser } from '../session/use-user';
import { formatYear } from './format-year';
import { ServedBy } from './served-by';

/** The catalogue: one row per book, each title a link to its page. */
export function BooksPage() {
  const user = useUser();
  const books = useApi<readonly Book[]>('/api/books', user);
  return (
    <>
      <h1>Books</h1>
      {books.state === 'loading' && (
        <p role="status" className="muted">
          Loading the catalogue…
        </p>
      )}
      {books.state === 'error' && (
        <p role="alert" className="error">
          Sorry, the catalogue is currently unavailable. Please try again in a moment.
        </p>
      )}
      {books.state === 'ok' && (
        <>
          <table className="catalogue" aria-label="Catalogue">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Author</th>
                <th scope="col" className="num">
                  Year
                </th>
              </tr>
            </thead>
            <tbody>
              {books.data.map((book) => (
                <tr key={book.id} data-book-id={book.id}>
                  <th scope="row" data-label="Title">
                    <Link to={bookPath(book.id)}>{book.title}</Link>
                  </th>
                  <td data-label="Author">{book.author}</td>
                  <td data-label="Year" className="num">
                    {formatYear(book.year)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ServedBy tags={[books.versionTag]} />
        </>
      )}
    </>
  );
}
