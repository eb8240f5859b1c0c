import { type IncomingMessage } from 'node:http';
import { type TLSSocket } from 'node:tls';
import { requestIdOf } from './request-id';

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) plus the ones undici refuses or that only make
 * sense on the client's own connection (expect, upgrade): never forwarded.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'http2-settings',
]);
/** Headers the proxy writes itself. */
const REWRITTEN = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-request-id']);

/**
 * The request as it goes upstream: a flat [name, value, ...] list, plus what the proxy
 * needs to know of it, read in the same single pass over rawHeaders (req.headers, which
 * Node builds lazily, is never touched on the hot path).
 */
export interface UpstreamHeaders {
  readonly list: string[];
  readonly host: string | undefined;
  readonly requestId: string;
  /** True when the request carries a body (content-length > 0 or transfer-encoding). */
  readonly hasBody: boolean;
  /** The declared body size, when the client declared one. */
  readonly contentLength: number | undefined;
  /** Kept for the access log without building req.headers. */
  readonly userAgent: string | undefined;
}

/** Extra names a client listed in `Connection:` are hop-by-hop too. */
function connectionTokens(value: string | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  let tokens: Set<string> | undefined;
  for (const raw of value.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '' || token === 'close' || token === 'keep-alive') continue;
    (tokens ??= new Set()).add(token);
  }
  return tokens;
}

export function buildUpstreamHeaders(req: IncomingMessage): UpstreamHeaders {
  const raw = req.rawHeaders;
  const list: string[] = [];
  let host: string | undefined;
  let forwardedFor: string | undefined;
  let forwardedProto: string | undefined;
  let forwardedHost: string | undefined;
  let listed: Set<string> | undefined;
  let givenId: string | undefined;
  let contentLength: number | undefined;
  let chunked = false;
  let userAgent: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    if (lower === 'host') host = value;
    else if (HOP_BY_HOP.has(lower)) {
      if (lower === 'connection') listed = connectionTokens(value);
      else if (lower === 'transfer-encoding') chunked = true;
    } else if (REWRITTEN.has(lower)) {
      if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      else if (lower === 'x-forwarded-proto') forwardedProto ??= value;
      else if (lower === 'x-forwarded-host') forwardedHost ??= value;
      else givenId ??= value;
    } else {
      if (lower === 'content-length') contentLength = Number(value);
      else if (lower === 'user-agent') userAgent = value;
      list.push(name, value);
    }
  }
  if (listed !== undefined) {
    for (let i = list.length - 2; i >= 0; i -= 2) if (listed.has((list[i] as string).toLowerCase())) list.splice(i, 2);
  }
  const remote = req.socket.remoteAddress;
  if (remote !== undefined) list.push('x-forwarded-for', forwardedFor === undefined ? remote : `${forwardedFor}, ${remote}`);
  else if (forwardedFor !== undefined) list.push('x-forwarded-for', forwardedFor);
  list.push('x-forwarded-proto', forwardedProto ?? ((req.socket as TLSSocket).encrypted === true ? 'https' : 'http'));
  if (forwardedHost !== undefined || host !== undefined) list.push('x-forwarded-host', (forwardedHost ?? host) as string);
  const requestId = requestIdOf(givenId);
  list.push('x-request-id', requestId);
  if (host !== undefined) list.push('host', host);
  return { list, host, requestId, hasBody: chunked || (contentLength !== undefined && contentLength > 0), contentLength, userAgent };
}

/**
 * Replaces the Host the upstream receives (a route's `rewrite.authority`). The proxy writes
 * `host` last and alone (the client's Host field is never copied), so it is found by name.
 */
export function setUpstreamHost(headers: UpstreamHeaders, authority: string): void {
  const list = headers.list;
  for (let i = list.length - 2; i >= 0; i -= 2) {
    if (list[i] === 'host') {
      list[i + 1] = authority;
      return;
    }
  }
  list.push('host', authority);
}

/** Response headers that must not be copied back to the client. */
export function isHopByHopResponseHeader(lower: string): boolean {
  return HOP_BY_HOP.has(lower);
}
