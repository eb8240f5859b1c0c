import { type IncomingMessage } from 'node:http';
import { type TLSSocket } from 'node:tls';
import { type RouteConfig } from '../config/proxy-config.schema';

/** Istio's HTTPRedirect, as the request path reads it. */
export interface CompiledRedirect {
  readonly status: number;
  readonly uri: string | undefined;
  readonly authority: string | undefined;
  readonly scheme: 'http' | 'https' | undefined;
  readonly port: number | undefined;
}

export function compileRedirect(redirect: RouteConfig['redirect']): CompiledRedirect | undefined {
  if (redirect === undefined) return undefined;
  const { uri, authority, scheme, port } = redirect;
  return { status: redirect.redirectCode, uri, authority, scheme, port };
}

const DEFAULT_PORT = { http: '80', https: '443' } as const;

/** Where the port of `host[:port]` starts (its colon), or -1; a bracketed IPv6 literal's colons are skipped. */
function portColon(authority: string): number {
  const colon = authority.lastIndexOf(':');
  return colon > authority.lastIndexOf(']') ? colon : -1;
}

/**
 * The Location of a redirect, absolute as Envoy writes it: each part the redirect names
 * replaces the request's (the whole path for `uri`, whatever the route matched), the query
 * is kept. `port` replaces the authority's port; a scheme change alone drops a port that was
 * the old scheme's default (`http://a:80` → `https://a`), as Envoy's `scheme_redirect`. A
 * request without a Host (HTTP/1.0) gets a relative Location.
 */
export function redirectLocation(redirect: CompiledRedirect, req: IncomingMessage, host: string | undefined): string {
  const url = req.url as string;
  const queryAt = url.indexOf('?');
  const path = redirect.uri ?? (queryAt < 0 ? url : url.slice(0, queryAt));
  const target = queryAt < 0 ? path : path + url.slice(queryAt);
  let authority = redirect.authority ?? host;
  if (authority === undefined || authority === '') return target;
  const fromScheme = (req.socket as TLSSocket).encrypted === true ? 'https' : 'http';
  const colon = portColon(authority);
  if (redirect.port !== undefined) authority = `${colon < 0 ? authority : authority.slice(0, colon)}:${redirect.port}`;
  else if (redirect.scheme !== undefined && colon >= 0 && authority.slice(colon + 1) === DEFAULT_PORT[fromScheme])
    authority = authority.slice(0, colon);
  return `${redirect.scheme ?? fromScheme}://${authority}${target}`;
}
