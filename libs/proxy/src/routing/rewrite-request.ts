import { type IncomingMessage } from 'node:http';
import { setUpstreamHost, type UpstreamHeaders } from '../forwarding/upstream-headers';
import { type CompiledRewrite } from './compile-rewrite';
import { type MatchInput } from './route-matcher';

/**
 * Applies a route's rewrite before anything is forwarded: the path becomes `req.url` (the
 * query kept byte for byte), which the live request, the mirror copy, events and the access
 * log all read; the authority replaces the Host the upstream list carries.
 */
export function rewriteRequest(rewrite: CompiledRewrite, input: MatchInput, req: IncomingMessage, headers: UpstreamHeaders): void {
  if (rewrite.path !== undefined) {
    const url = req.url as string;
    const query = url.indexOf('?');
    const path = rewrite.path(input);
    req.url = query < 0 ? path : path + url.slice(query);
  }
  if (rewrite.authority !== undefined) setUpstreamHost(headers, rewrite.authority);
}
