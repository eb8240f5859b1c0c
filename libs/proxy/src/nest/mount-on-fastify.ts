import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type FastifyInstance } from 'fastify';

/** `/api/`, `api`, `/api` → `/api`; `/` and `` → `` (mounted at the root). */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** `/api/books?x` → `/books?x`; `/api` and `/api?x` → `/` and `/?x`. */
export function stripPrefix(url: string, prefix: string): string {
  const rest = url.slice(prefix.length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/**
 * Registers catch-all routes under the prefix in an encapsulated plugin whose only
 * content-type parser leaves the body unread: the proxy streams it itself. The handler
 * hijacks the reply and hands the raw Node objects to the proxy core.
 */
export function mountOnFastify(
  fastify: FastifyInstance,
  rawPrefix: string,
  strip: boolean,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  const prefix = normalizePrefix(rawPrefix);
  void fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const handler = (request: { raw: IncomingMessage }, reply: { hijack(): void; raw: ServerResponse }) => {
      reply.hijack();
      if (strip && prefix !== '') request.raw.url = stripPrefix(request.raw.url ?? '/', prefix);
      handle(request.raw, reply.raw);
    };
    if (prefix !== '') scope.all(prefix, handler);
    scope.all(`${prefix}/*`, handler);
  });
}
