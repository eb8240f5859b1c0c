import { compileRouteMatch, type MatchInput } from './route-matcher';

const inputOf = (url: string, headers: Record<string, string> = {}): MatchInput => {
  const query = url.indexOf('?');
  return { path: query < 0 ? url : url.slice(0, query), method: 'GET', source: { url, headers }, query: undefined };
};

describe('compileRouteMatch: what a request pays for', () => {
  it('never parses the query for routes that do not match on it', () => {
    const route = compileRouteMatch([{ uri: { prefix: '/books' } }, { headers: { 'x-a': { exact: '1' } } }]);
    const input = inputOf('/reviews?a=1');
    expect(route(input)).toBe(false);
    expect(input.query).toBeUndefined();
  });

  it('parses the query once per request, however many routes read it', () => {
    const byA = compileRouteMatch([{ queryParams: { a: { exact: '2' } } }]);
    const byB = compileRouteMatch([{ queryParams: { b: { prefix: 'x' } } }]);
    const input = inputOf('/?a=1&b=xy');
    expect(byA(input)).toBe(false);
    const parsed = input.query;
    expect(parsed).toBeInstanceOf(URLSearchParams);
    expect(byB(input)).toBe(true);
    expect(input.query).toBe(parsed);
  });

  it('a request without a query allocates no parameters: one shared empty set', () => {
    const route = compileRouteMatch([{ queryParams: { a: { exact: '1' } } }]);
    const first = inputOf('/x');
    const second = inputOf('/y?');
    expect(route(first)).toBe(false);
    expect(route(second)).toBe(false);
    expect(first.query).toBe(second.query);
  });

  it('does not read the headers of a request for routes on uri, method or query only', () => {
    const route = compileRouteMatch([{ uri: { prefix: '/' }, method: { exact: 'GET' }, queryParams: { a: { exact: '1' } } }]);
    const input: MatchInput = {
      path: '/',
      method: 'GET',
      source: {
        url: '/?a=1',
        get headers(): never {
          throw new Error('headers read');
        },
      },
      query: undefined,
    };
    expect(route(input)).toBe(true);
  });
});
