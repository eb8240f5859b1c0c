import { type RouteConfig } from '../config/proxy-config.schema';
import { compileMatch, type MatchInput } from './route-matcher';

/** What a route changes in the request before it goes upstream (live and copy alike). */
export interface CompiledRewrite {
  /** The new path (no query) for a request this route matched; undefined: the path is kept. */
  readonly path: ((input: MatchInput) => string) | undefined;
  /** The Host sent upstream; the mirror's `-shadow` suffix applies to it. */
  readonly authority: string | undefined;
}

/** How much of the path `rewrite.uri` replaces for one match block: a prefix's length, or all of it (-1). */
function replacedLength(match: NonNullable<RouteConfig['match']>[number] | undefined): number {
  // Istio turns a match without uri into Envoy's prefix "/": that "/" is what is replaced.
  if (match?.uri === undefined) return 1;
  return match.uri.prefix === undefined ? -1 : match.uri.prefix.length;
}

/**
 * Envoy's regex_rewrite substitution (RE2's) names groups `\1`…`\9` and the whole match `\0`;
 * a JavaScript replacement names them `$1` and `$&`, and reads any other `$` specially.
 */
function toReplacement(rewrite: string): string {
  return rewrite
    .replace(/\$/g, '$$$$')
    .replace(/\\0/g, '$$&')
    .replace(/\\([1-9])/g, '$$$1');
}

function compilePathRewrite(route: RouteConfig): CompiledRewrite['path'] {
  if (route.uriRegexRewrite !== undefined) {
    const pattern = new RegExp(route.uriRegexRewrite.match, 'g');
    const replacement = toReplacement(route.uriRegexRewrite.rewrite);
    return (input) => {
      const path = input.path.replace(pattern, replacement);
      return path.charCodeAt(0) === 47 ? path : `/${path}`;
    };
  }
  const uri = route.rewrite?.uri;
  if (uri === undefined) return undefined;
  const matches = route.match ?? [];
  if (matches.length <= 1) {
    const length = replacedLength(matches[0]);
    return length < 0 ? () => uri : (input) => uri + input.path.slice(length);
  }
  // Several match blocks: the one that matched (the first, as Envoy's route order) says what is replaced.
  const blocks = matches.map((m) => ({ test: compileMatch(m), length: replacedLength(m) }));
  return (input) => {
    for (const block of blocks) if (block.test(input)) return block.length < 0 ? uri : uri + input.path.slice(block.length);
    return uri;
  };
}

/** Istio's HTTPRewrite and RegexRewrite, compiled once; undefined for a route that rewrites nothing. */
export function compileRewrite(route: RouteConfig): CompiledRewrite | undefined {
  const path = compilePathRewrite(route);
  const authority = route.rewrite?.authority;
  return path === undefined && authority === undefined ? undefined : { path, authority };
}
