import { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { editResponseHeaders, type HeaderEditChain } from '../routing/header-edits';
import { isHopByHopResponseHeader } from './upstream-headers';

/** An upstream's response headers as the client gets them: hop-by-hop ones dropped, the route's and destination's operations applied. */
export function relayedResponseHeaders(headers: IncomingHttpHeaders, edits: HeaderEditChain | undefined): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) if (!isHopByHopResponseHeader(name)) out[name] = headers[name];
  if (edits !== undefined) editResponseHeaders(out, edits);
  return out;
}
