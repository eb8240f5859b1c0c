import { type IncomingHttpHeaders } from 'node:http';
import { type RouteConfig } from '../config/proxy-config.schema';
import { queryParam } from './query-params';
import { compileStringMatch, type StringMatcher } from './string-matcher';

/**
 * What a route matches on. `source.headers` is read only by routes that match headers or
 * the authority, so that Node's lazily built header object is not built for the others;
 * `query` is filled on first use by routes that match query parameters (see queryParam).
 */
export interface MatchInput {
  readonly path: string;
  readonly method: string;
  readonly source: { readonly headers: IncomingHttpHeaders; readonly url?: string | undefined };
  query: URLSearchParams | undefined;
}

export type RequestPredicate = (input: MatchInput) => boolean;

export type MatchConfig = NonNullable<RouteConfig['match']>[number];

type NamedMatchers = readonly (readonly [string, StringMatcher])[];

function compileHeaders(headers: MatchConfig['headers']): NamedMatchers {
  return Object.entries(headers ?? {}).map(([name, m]) => [name.toLowerCase(), compileStringMatch(m)] as const);
}

/** A repeated header is matched on its comma-joined value. */
function headerValue(all: IncomingHttpHeaders, name: string): string | undefined {
  const value = all[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * One Istio HTTPMatchRequest: every condition it names must hold. Headers are compared by
 * lowercase name; `withoutHeaders` holds when its matcher does not (an absent header
 * included, as Envoy's `invert_match`); the authority is the Host header as received.
 */
export function compileMatch(match: MatchConfig): RequestPredicate {
  const uri = match.uri === undefined ? undefined : compileStringMatch(match.uri, match.ignoreUriCase === true);
  const method = match.method === undefined ? undefined : compileStringMatch(match.method);
  const authority = match.authority === undefined ? undefined : compileStringMatch(match.authority);
  const query = Object.entries(match.queryParams ?? {}).map(([name, m]) => [name, compileStringMatch(m)] as const);
  const headers = compileHeaders(match.headers);
  const without = compileHeaders(match.withoutHeaders);
  const readsHeaders = authority !== undefined || headers.length > 0 || without.length > 0;
  return (input) => {
    if (uri !== undefined && !uri(input.path)) return false;
    if (method !== undefined && !method(input.method)) return false;
    if (query.length > 0) for (const [name, matcher] of query) if (!matcher(queryParam(input, name))) return false;
    if (!readsHeaders) return true;
    const all = input.source.headers;
    if (authority !== undefined && !authority(all.host)) return false;
    for (const [name, matcher] of headers) if (!matcher(headerValue(all, name))) return false;
    for (const [name, matcher] of without) if (matcher(headerValue(all, name))) return false;
    return true;
  };
}

/** A route matches when any of its match blocks does (no `match` = every request). */
export function compileRouteMatch(matches: RouteConfig['match']): RequestPredicate {
  if (matches === undefined) return () => true;
  const predicates = matches.map(compileMatch);
  if (predicates.length === 1) return predicates[0] as RequestPredicate;
  return (input) => predicates.some((p) => p(input));
}
