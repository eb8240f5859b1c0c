import { type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { editResponseHeaders, type HeaderEditChain } from '../routing/header-edits';
import { redirectLocation, type CompiledRedirect } from '../routing/redirect';
import { type ExchangeContext } from './exchange-context';

/** Answers a redirect route: its status, a Location, no body; the route's response header edits apply. Returns the status. */
export function sendRedirect(ctx: ExchangeContext, redirect: CompiledRedirect, edits: HeaderEditChain | undefined): number {
  const res: ServerResponse = ctx.res;
  const headers: OutgoingHttpHeaders = {
    location: redirectLocation(redirect, ctx.req, ctx.headers.host),
    'content-length': 0,
    'x-request-id': ctx.headers.requestId,
  };
  if (edits !== undefined) editResponseHeaders(headers, edits);
  res.writeHead(redirect.status, headers);
  res.end();
  return redirect.status;
}
