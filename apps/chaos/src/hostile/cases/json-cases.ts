import { gzipSync } from 'node:zlib';
import { CLIENT_ERRORS, GATEWAY_STATUSES, oneShot, type HostileCase } from '../hostile-case';
import { rawRequest } from '../raw-request';
import { validEnvelope } from '../valid-requests';
import { isProxy, named, postPath, type CaseContext } from './case-context';

/** Nesting deep enough to overflow a recursive parser or validator. */
const DEEP_NESTING = 200_000;
/**
 * The collector's item bound (`MAX_ITEMS_PER_BATCH`, default 2,048: its README), counted before
 * parsing. Not imported: the collector's entry point loads the whole Nest app into the test.
 */
const COLLECTOR_MAX_ITEMS = 2_048;
const numbers = (count: number): string => `[${Array.from({ length: count }, () => '1').join(',')}]`;

/**
 * Invalid JSON to every JSON endpoint. The collector's track API answers 400 to a body that
 * is not JSON (and 400 per item to items that break a rule, 200/206 when some pass); the other
 * servers take no JSON anywhere, so their answer is a 4xx (404/405/413/415), never a 500.
 */
export function jsonCases(ctx: CaseContext): HostileCase[] {
  const track = ctx.target === 'collectorTrack';
  const bodies: [string, string | Buffer, number[]][] = [
    ['unterminated object', '{', [400]],
    ['unterminated array', '[', [400]],
    ['array cut mid-item', '[{"name":"x"', [400]],
    ['missing value', '{"a":}', [400]],
    ['bare word', 'nul', [400]],
    ['null', 'null', [400]],
    ['a number too large', '1e999999', [400]],
    ['lone surrogate string', '"\\ud800"', [400]],
    ['invalid UTF-8 bytes', Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), [400]],
    ['byte order mark then an array', `\ufeff${JSON.stringify([validEnvelope()])}`, [200, 400]],
    ['empty array', '[]', [200, 400]],
    ['whitespace only', ' \r\n\t ', [400]],
    ['__proto__ pollution', '[{"__proto__":{"polluted":true},"name":"x"}]', [400]],
    ['constructor pollution', '{"constructor":{"prototype":{"polluted":true}}}', [400]],
    ['NDJSON of garbage lines', 'x\ny\nz\n', [400]],
    ['NDJSON with one valid line', `${JSON.stringify(validEnvelope())}\n{oops\n`, [206]],
    [`array nested ${DEEP_NESTING} deep`, `${'['.repeat(DEEP_NESTING)}${']'.repeat(DEEP_NESTING)}`, [400, 413]],
    [`object nested ${DEEP_NESTING} deep`, `${'{"a":'.repeat(DEEP_NESTING)}1${'}'.repeat(DEEP_NESTING)}`, [400, 413]],
    [
      'envelope with a deeply nested property',
      JSON.stringify([validEnvelope()]).replace(/}]$/, `,"extra":${'['.repeat(5000)}${']'.repeat(5000)}}]`),
      [200, 400, 413],
    ],
    [`${COLLECTOR_MAX_ITEMS} invalid items (the item bound) → 400`, numbers(COLLECTOR_MAX_ITEMS), [400]],
    [`${COLLECTOR_MAX_ITEMS + 1} items (one past the bound) → 413`, numbers(COLLECTOR_MAX_ITEMS + 1), [413]],
    ['10,001 items → 413', numbers(10_001), [413]],
    ['gzip of 50,000 items → 413', gzipSync(`[${'{},'.repeat(49_999)}{}]`), [413]],
  ];
  return bodies.map(([name, body, statuses]) =>
    named(ctx, 'json', name, {
      parts: oneShot(
        rawRequest({
          method: 'POST',
          target: postPath(ctx.target),
          headers: [
            ['Host', ctx.authority],
            ['Content-Type', 'application/json'],
            ...(name.startsWith('gzip') ? [['Content-Encoding', 'gzip'] as const] : []),
          ],
          body,
        }),
      ),
      // Behind a proxy, an upstream that cuts a body past its limit is an honest 502.
      expect: { statuses: track ? statuses : isProxy(ctx.target) ? [...CLIENT_ERRORS, ...GATEWAY_STATUSES] : CLIENT_ERRORS },
      timeoutMs: 10_000,
    }),
  );
}
