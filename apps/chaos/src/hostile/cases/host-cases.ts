import { ANY_SANE, booksPath, named, type CaseContext } from './case-context';
import { oneShot, type HostileCase } from '../hostile-case';
import { rawRequest, type RawHeader } from '../raw-request';

/**
 * Host games. RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without Host,
 * with more than one Host, or with an invalid Host value. An empty Host is valid.
 */
export function hostCases(ctx: CaseContext): HostileCase[] {
  const path = booksPath(ctx.target);
  const req = (headers: RawHeader[], version = 'HTTP/1.1') => oneShot(rawRequest({ method: 'GET', target: path, version, headers }));
  const bad = { statuses: [400] };
  const cases: HostileCase[] = [
    named(ctx, 'host', 'HTTP/1.1 without Host → 400', { parts: req([]), expect: bad }),
    named(ctx, 'host', 'two identical Host fields → 400', {
      parts: req([
        ['Host', ctx.authority],
        ['Host', ctx.authority],
      ]),
      expect: bad,
    }),
    named(ctx, 'host', 'two different Host fields → 400', {
      parts: req([
        ['Host', ctx.authority],
        ['Host', 'evil.example'],
      ]),
      expect: bad,
    }),
    named(ctx, 'host', 'Host list in one field → 400', { parts: req([['Host', `${ctx.authority}, evil.example`]]), expect: bad }),
    named(ctx, 'host', 'HTTP/1.0 without Host is served', { parts: req([], 'HTTP/1.0'), expect: { statuses: ANY_SANE } }),
    named(ctx, 'host', 'empty Host is valid', { parts: req([['Host', '']]), expect: { statuses: ANY_SANE } }),
  ];
  for (const value of ['a b', 'exa\x01mple', '[::1', 'a@b', 'a/b', 'h\xffst', 'a\\b', 'a:b:c', 'host:port']) {
    cases.push(named(ctx, 'host', `invalid Host ${JSON.stringify(value)} → 400`, { parts: req([['Host', value]]), expect: bad }));
  }
  return cases;
}
