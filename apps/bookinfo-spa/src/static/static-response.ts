import { problem, PROBLEM_CONTENT_TYPE } from '@mirrormesh/service-kit';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { negotiateEncoding } from './accept-encoding';
import { type StaticFile } from './static-file-index';

/**
 * The app shell runs only our own bundle and talks only to its own origin: injected
 * markup can neither load script from elsewhere nor send data elsewhere.
 */
export const APP_SHELL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** True when `If-None-Match` names this ETag (or `*`); weak validators compare equal (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Sends one file: the best precompressed representation the client accepts, or 304. */
export function sendStaticFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StaticFile,
  options: { readonly fallback: boolean },
): FastifyReply {
  const acceptEncoding = request.headers['accept-encoding'];
  const encoding = negotiateEncoding(typeof acceptEncoding === 'string' ? acceptEncoding : undefined, [...file.encoded.keys()]);
  const variant = encoding === 'identity' ? file.identity : (file.encoded.get(encoding) ?? file.identity);
  void reply
    .header('content-type', file.contentType)
    .header('cache-control', file.cacheControl)
    .header('etag', variant.etag)
    // The shell served for unknown paths depends on Accept too (HTML gets it, others a 404).
    .header('vary', options.fallback ? 'Accept-Encoding, Accept' : 'Accept-Encoding')
    .header('x-content-type-options', 'nosniff');
  if (file.contentType.startsWith('text/html')) void reply.headers(APP_SHELL_SECURITY_HEADERS);
  if (matchesIfNoneMatch(request.headers['if-none-match'], variant.etag)) return reply.code(304).send();
  if (encoding !== 'identity') void reply.header('content-encoding', encoding);
  return reply.code(200).send(variant.body);
}

export function sendStaticProblem(reply: FastifyReply, status: number, code: string, detail: string, instance: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(problem(status, code, detail, instance)));
}
