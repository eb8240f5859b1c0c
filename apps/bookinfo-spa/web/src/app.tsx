import { useEffect, useRef } from 'react';
import { matchRoute } from './router/match-route';
import { Link, usePathname } from './router/router';
import { signOut } from './session/session-store';
import { useUser } from './session/use-user';
import { BookPage } from './pages/book-page';
import { BooksPage } from './pages/books-page';
import { MirrorPage } from './pages/mirror-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

const TITLES = { books: 'Books', book: 'Book', 'sign-in': 'Sign in', mirror: 'Mirror', 'not-found': 'Page not found' } as const;

function NavLink({ to, current, children }: { readonly to: string; readonly current: boolean; readonly children: string }) {
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const user = useUser();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Bookinfo`;
    // After an in-app navigation, screen readers and keyboards start at the new content.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [pathname, route.page]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Bookinfo
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" current={route.page === 'books' || route.page === 'book'}>
            Books
          </NavLink>
          <NavLink to="/mirror" current={route.page === 'mirror'}>
            Mirror
          </NavLink>
        </nav>
        <div className="session">
          {user === null ? (
            <NavLink to="/sign-in" current={route.page === 'sign-in'}>
              Sign in
            </NavLink>
          ) : (
            <>
              <span data-testid="signed-in-as">
                Signed in as <strong>{user}</strong>
              </span>
              <button type="button" className="link-button" onClick={signOut}>
                Sign out
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'books' && <BooksPage />}
        {route.page === 'book' && <BookPage key={route.id} id={route.id} />}
        {route.page === 'sign-in' && <SignInPage />}
        {route.page === 'mirror' && <MirrorPage />}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
