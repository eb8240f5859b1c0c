import { type IncomingHttpHeaders } from 'node:http';
import { type RouteConfig } from '../config/proxy-config.schema';
import { compileStringMatch } from './string-matcher';

/**
 * What a route matches on. `source.headers` is read only by routes that match headers,
 * so that Node's lazily built header object is not built for the others.
 */
export interface MatchInput {
  readonly path: string;
  readonly method: string;
  readonly source: { readonly headers: IncomingHttpHeaders };
}

export type RequestPredicate = (input: MatchInput) => boolean;

/**
 * One Istio HTTPMatchRequest: every condition it names must hold. Headers are compared
 * by lowercase name; a repeated header is matched on its comma-joined value.
 */
function compileMatch(match: NonNullable<RouteConfig['match']>[number]): RequestPredicate {
  const uri = match.uri === undefined ? undefined : compileStringMatch(match.uri);
  const method = match.method === undefined ? undefined : compileStringMatch(match.method);
  const headers = Object.entries(match.headers ?? {}).map(([name, m]) => [name.toLowerCase(), compileStringMatch(m)] as const);
  return (input) => {
    if (uri !== undefined && !uri(input.path)) return false;
    if (method !== undefined && !method(input.method)) return false;
    if (headers.length === 0) return true;
    const all = input.source.headers;
    for (const [name, matcher] of headers) {
      const value = all[name];
      if (!matcher(Array.isArray(value) ? value.join(',') : value)) return false;
    }
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
