import { type MatchInput } from './route-matcher';

/** Shared by every request without a query: nothing to parse, nothing allocated. */
const NO_QUERY = new URLSearchParams();

/**
 * The first value of a query parameter, decoded (`%xx`, and `+` as a space, as forms encode
 * it). The query is parsed on the first call for a request and kept on its match input, so
 * only requests that reach a route matching `queryParams` pay for it, and once.
 */
export function queryParam(input: MatchInput, name: string): string | undefined {
  let params = input.query;
  if (params === undefined) {
    const url = input.source.url ?? '';
    const start = url.indexOf('?');
    params = input.query = start < 0 || start === url.length - 1 ? NO_QUERY : new URLSearchParams(url.slice(start + 1));
  }
  return params.get(name) ?? undefined;
}
