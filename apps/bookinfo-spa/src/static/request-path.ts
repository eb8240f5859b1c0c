/** Longer paths are not ours to serve: refused before any decoding work. */
export const MAX_STATIC_PATH_LENGTH = 1024;

export type StaticPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * The decoded path of a request URL (query removed), or why it is refused: undecodable
 * escapes, NUL, backslashes and `.`/`..` segments never reach a file lookup, so no
 * spelling of a path can leave the web root.
 */
export function staticPathOf(url: string): StaticPath {
  const raw = url.split('?', 1)[0] ?? '';
  if (raw.length > MAX_STATIC_PATH_LENGTH) return { ok: false, reason: `path is longer than ${MAX_STATIC_PATH_LENGTH} characters` };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'path has an invalid percent-encoding' };
  }
  if (!path.startsWith('/')) return { ok: false, reason: 'path must begin with "/"' };
  if (path.includes('\0') || path.includes('\\')) return { ok: false, reason: 'path must not contain NUL or backslashes' };
  if (path.split('/').some((segment) => segment === '..' || segment === '.'))
    return { ok: false, reason: 'path must not contain "." or ".." segments' };
  return { ok: true, path };
}
