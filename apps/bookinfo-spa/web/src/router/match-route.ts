/** The app's pages; the path is the only state a link carries. */
export type AppRoute =
  | { readonly page: 'books' }
  | { readonly page: 'book'; readonly id: number }
  | { readonly page: 'sign-in' }
  | { readonly page: 'mirror' }
  | { readonly page: 'not-found' };

const BOOK_PATH = /^\/books\/([1-9][0-9]{0,8})\/?$/;

export function matchRoute(pathname: string): AppRoute {
  if (pathname === '/' || pathname === '/books' || pathname === '/books/') return { page: 'books' };
  const book = BOOK_PATH.exec(pathname);
  if (book?.[1] !== undefined) return { page: 'book', id: Number(book[1]) };
  if (pathname === '/sign-in') return { page: 'sign-in' };
  if (pathname === '/mirror') return { page: 'mirror' };
  return { page: 'not-found' };
}

export function bookPath(id: number): string {
  return `/books/${id}`;
}
