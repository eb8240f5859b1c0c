import { oneShot, type HostileCase } from '../hostile-case';
import { rawRequest } from '../raw-request';
import { ANY_SANE, booksPath, named, type CaseContext } from './case-context';

/** Node's default max header size is 16 KiB: these sizes sit well past it, or well under. */
const OVER_HEADER_LIMIT = 64 * 1024;
const UNDER_HEADER_LIMIT = 8 * 1024;

/** Header size and count limits, long request lines and huge queries (RFC 6585 §5: 431; RFC 9112 §3: 414). */
export function limitCases(ctx: CaseContext): HostileCase[] {
  const path = booksPath(ctx.target);
  const get = (target: string, headers: [string, string][] = []) =>
    rawRequest({ method: 'GET', target, headers: [['Host', ctx.authority], ...headers] });
  const many = (count: number) => Array.from({ length: count }, (_v, i): [string, string] => [`X-H${i}`, 'v']);
  const sep = path.includes('?') ? '&' : '?';
  return [
    named(ctx, 'limits', 'one 64 KiB header value → 431', {
      parts: oneShot(get(path, [['X-Big', 'a'.repeat(OVER_HEADER_LIMIT)]])),
      expect: { statuses: [431] },
    }),
    named(ctx, 'limits', 'a 20 KiB header name → 431', {
      parts: oneShot(get(path, [['X'.repeat(20 * 1024), 'v']])),
      expect: { statuses: [431] },
    }),
    named(ctx, 'limits', '5,000 headers (past the size limit) → 431', {
      parts: oneShot(get(path, many(5000))),
      expect: { statuses: [431] },
    }),
    named(ctx, 'limits', '1,000 small headers (under the size limit) are served', {
      parts: oneShot(get(path, many(1000))),
      expect: { statuses: ANY_SANE },
    }),
    named(ctx, 'limits', 'an 8 KiB query (under the limit) is served', {
      parts: oneShot(get(`${path}${sep}q=${'a'.repeat(UNDER_HEADER_LIMIT)}`)),
      expect: { statuses: ANY_SANE },
    }),
    named(ctx, 'limits', 'a 100 KiB query → 414 or 431', {
      parts: oneShot(get(`${path}${sep}q=${'a'.repeat(100 * 1024)}`)),
      expect: { statuses: [414, 431] },
    }),
    named(ctx, 'limits', 'a 1 MiB request line sent at once → 414 or 431', {
      parts: oneShot(get(`/${'a'.repeat(1024 * 1024)}`)),
      expect: { statuses: [414, 431] },
      timeoutMs: 10_000,
    }),
    named(ctx, 'limits', '1,500 query parameters (under the size limit) are served', {
      parts: oneShot(get(`${path}${sep}${Array.from({ length: 1500 }, (_v, i) => `p${i}=1`).join('&')}`)),
      expect: { statuses: ANY_SANE },
    }),
  ];
}
