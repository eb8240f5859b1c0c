import { Link } from '../router/router';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">See all books</Link>.
      </p>
    </>
  );
}
