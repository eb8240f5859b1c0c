import { type IncomingMessage } from 'node:http';
import { normalizePath, type PathNormalization, type PathRejection } from './normalize-path';

/**
 * Normalises the path of an origin-form target and returns it for route matching. When it
 * changed, `req.url` is rewritten (the query kept byte for byte), so that the live request and
 * the mirror copy go upstream with the very path the routes matched.
 */
export function normalizeRequestTarget(req: IncomingMessage, url: string, mode: PathNormalization): string | PathRejection {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const normal = normalizePath(path, mode);
  if (typeof normal === 'string' && normal !== path) req.url = query < 0 ? normal : normal + url.slice(query);
  return normal;
}
