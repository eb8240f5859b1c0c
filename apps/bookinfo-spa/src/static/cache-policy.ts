/** Vite names built assets `name-<hash>.ext`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Everything else (index.html first) is revalidated on each use, cheaply, by ETag. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}
