import { CLIENT_ERRORS, oneShot, type HostileCase } from '../hostile-case';
import { rawRequest, type RawHeader } from '../raw-request';
import { ANY_SANE, booksPath, named, type CaseContext } from './case-context';

/**
 * Bad encodings: invalid UTF-8, bad percent escapes and control characters in the path, query,
 * header names and values. A path the server cannot decode is a 4xx (never the 500 of a
 * decoder's exception); a field value with NUL/CR/LF is rejected or the character replaced
 * (RFC 9110 §5.5); a field name that is not a token is a 400 (RFC 9112 §5).
 */
export function encodingCases(ctx: CaseContext): HostileCase[] {
  const base = booksPath(ctx.target);
  const req = (target: string, headers: RawHeader[] = []) =>
    oneShot(rawRequest({ method: 'GET', target, headers: [['Host', ctx.authority], ...headers] }));
  const cases: HostileCase[] = [];
  const path = (suffix: string) => (ctx.target.startsWith('collector') ? `/query/${suffix}` : booksPath(ctx.target, `/books/${suffix}`));
  for (const suffix of [
    '\xff\xfe',
    '%ff%fe',
    '%c0%af',
    '%e2%82',
    '%',
    '%z',
    '%zz',
    '%%',
    '%u0041',
    '\x01',
    '\x7f',
    '\t1',
    '1\x00',
    '%00',
    'é',
  ]) {
    cases.push(
      named(ctx, 'encoding', `path /…/${JSON.stringify(suffix)}`, { parts: req(path(suffix)), expect: { statuses: CLIENT_ERRORS } }),
    );
  }
  const query = ctx.target === 'collectorQuery' ? '/query/requests-summary?contains=' : `${base}?q=`;
  for (const value of ['%ff%fe', '%', '%zz', '\xff', '%00', 'a&&&==&=', '%E0%A4%A']) {
    cases.push(
      named(ctx, 'encoding', `query ${JSON.stringify(value)}`, { parts: req(`${query}${value}`), expect: { statuses: ANY_SANE } }),
    );
  }
  if (ctx.target === 'collectorQuery') {
    for (const since of ['%', 'abc', '-1m', '99999999999d', '\xff']) {
      cases.push(
        named(ctx, 'encoding', `since=${JSON.stringify(since)} → 400`, {
          parts: req(`/query/requests-summary?contains=MIR-&since=${since}`),
          expect: { statuses: [400] },
        }),
      );
    }
  }
  const value = (name: string, v: string, statuses: readonly number[]) =>
    cases.push(named(ctx, 'encoding', `header ${name}: ${JSON.stringify(v)}`, { parts: req(base, [[name, v]]), expect: { statuses } }));
  value('X-Chaos', 'a\x00b', [400, ...ANY_SANE]);
  value('X-Chaos', 'a\x7fb', ANY_SANE);
  value('X-Chaos', '\xff\xfe\xfd', ANY_SANE);
  value('X-Chaos', '\x1b[31m', ANY_SANE);
  value('end-user', '\x7f', ANY_SANE);
  value('end-user', '\xc3\x28', ANY_SANE);
  value('X-Request-Id', '\x7f\x01', ANY_SANE);
  value('X-Request-Id', 'x'.repeat(4000), ANY_SANE);
  value('X-Forwarded-For', '\xff, \x00', ANY_SANE);
  value('Accept-Encoding', '\xff;q=\x01', ANY_SANE);
  value('Cookie', '%zz=%zz; \xff=\xff', ANY_SANE);
  for (const name of ['X Chaos', 'X\x01Chaos', 'X\xe9', '(X)', 'X"', '']) {
    cases.push(
      named(ctx, 'encoding', `header name ${JSON.stringify(name)} → 400`, { parts: req(base, [[name, 'v']]), expect: { statuses: [400] } }),
    );
  }
  return cases;
}
