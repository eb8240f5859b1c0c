import { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { type Duplex } from 'node:stream';
import { type CompiledRoute } from '../config/compiled-config';
import { type UpstreamHeaders } from '../forwarding/upstream-headers';
import { editResponseHeaders } from '../routing/header-edits';
import { redirectLocation } from '../routing/redirect';
import { writeRawHead } from './raw-answer';

/**
 * A redirect route's answer to an upgrade: the same status, Location and response header
 * operations as `sendRedirect` gives a request, on the raw socket. Returns the status, or 0
 * when the client had already left (during an injected delay).
 */
export function answerRedirect(req: IncomingMessage, route: CompiledRoute, socket: Duplex, headers: UpstreamHeaders): number {
  const redirect = route.redirect;
  if (redirect === undefined || socket.destroyed) return 0;
  const head: OutgoingHttpHeaders = {
    location: redirectLocation(redirect, req, headers.host),
    'content-length': 0,
    'x-request-id': headers.requestId,
  };
  if (route.responseEdits !== undefined) editResponseHeaders(head, route.responseEdits);
  writeRawHead(socket, redirect.status, head);
  return redirect.status;
}
