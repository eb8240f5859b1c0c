import { gzipSync } from 'node:zlib';
import { CLIENT_ERRORS, GATEWAY_STATUSES, oneShot, type HostileCase } from '../hostile-case';
import { rawRequest, type RawHeader } from '../raw-request';
import { isProxy, named, postPath, type CaseContext } from './case-context';
import { compressedBodies } from './compressed-bodies';

/** Past the collector's 4 MiB wire bound and the services' 1 MiB body limit. */
const OVERSIZED_BYTES = 9 * 1024 * 1024;

/**
 * Oversized and compressed bodies. The collector answers 413 past its wire and decoded bounds
 * and past its item count, 415 to a coding it does not implement (it implements gzip and
 * deflate), 400 to a body that does not decode as announced; the
 * other servers have no body-taking route, so a 4xx, and never the 500 of a decoder.
 */
export function bodyCases(ctx: CaseContext): HostileCase[] {
  const track = ctx.target === 'collectorTrack';
  const post = (body: Buffer, headers: RawHeader[] = []) =>
    oneShot(
      rawRequest({
        method: 'POST',
        target: postPath(ctx.target),
        headers: [['Host', ctx.authority], ['Content-Type', 'application/json'], ...headers],
        body,
      }),
    );
  // Behind a proxy, an upstream that cuts a body it refuses is an honest 502.
  const anyRefusal = { statuses: isProxy(ctx.target) ? [...CLIENT_ERRORS, ...GATEWAY_STATUSES] : CLIENT_ERRORS };
  const expectOr = (statuses: number[]) => (track ? { statuses } : anyRefusal);
  /*
   * A server that refuses a large body at once closes while we still write: its kernel then
   * resets the connection, which can destroy the 413 before we read it (RFC 9112 §9.6 asks
   * for a lingering close; Node does not linger). So a close is accepted for these.
   */
  const { bomb, deflateBomb, items } = compressedBodies();
  const gzip = [['Content-Encoding', 'gzip'] as RawHeader];
  return [
    named(ctx, 'body', `9 MiB body → 413`, {
      parts: post(Buffer.alloc(OVERSIZED_BYTES, 0x20)),
      expect: expectOr([413]),
      timeoutMs: 15_000,
    }),
    named(ctx, 'body', '1 GiB declared, 1 kB sent then EOF', {
      parts: oneShot(
        rawRequest({
          method: 'POST',
          target: postPath(ctx.target),
          autoLength: false,
          headers: [
            ['Host', ctx.authority],
            ['Content-Length', String(2 ** 30)],
          ],
          body: ' '.repeat(1000),
        }),
      ),
      expect: { ...expectOr([413]), closeWithoutAnswer: true },
      endAfterSend: true,
      why: 'the message never completes: answering 413 early or closing are both correct',
    }),
    named(ctx, 'body', `gzip bomb (${bomb.length} bytes → 256 MiB) → 413`, {
      parts: post(bomb, gzip),
      expect: expectOr([413]),
      timeoutMs: 15_000,
    }),
    named(ctx, 'body', 'item-count bomb (3,000,000 items gzipped) → 413', {
      parts: post(items, gzip),
      expect: expectOr([413]),
      timeoutMs: 15_000,
    }),
    named(ctx, 'body', 'gzip announced twice (gzip, gzip)', {
      parts: post(gzipSync(gzipSync('[]')), [['Content-Encoding', 'gzip, gzip']]),
      expect: expectOr([400, 413, 415, 200]),
    }),
    named(ctx, 'body', 'not deflate at all but announced → 400', {
      parts: post(Buffer.from('x'), [['Content-Encoding', 'deflate']]),
      expect: expectOr([400]),
    }),
    named(ctx, 'body', 'deflate bomb (256 MiB) → 413', {
      parts: post(deflateBomb, [['Content-Encoding', 'deflate']]),
      expect: expectOr([413]),
      timeoutMs: 15_000,
    }),
    named(ctx, 'body', 'br → 415', { parts: post(Buffer.from('x'), [['Content-Encoding', 'br']]), expect: expectOr([415]) }),
    named(ctx, 'body', 'unknown coding with a long name → 415', {
      parts: post(Buffer.from('x'), [['Content-Encoding', 'z'.repeat(4000)]]),
      expect: expectOr([415]),
    }),
    named(ctx, 'body', 'truncated gzip → 400', { parts: post(gzipSync('[{"a":1}]').subarray(0, 12), gzip), expect: expectOr([400]) }),
    named(ctx, 'body', 'gzip of garbage bytes → 400', {
      parts: post(Buffer.from('1f8b0800000000000003ffffffff', 'hex'), gzip),
      expect: expectOr([400]),
    }),
    named(ctx, 'body', 'not gzip at all but announced → 400', { parts: post(Buffer.from('[]'), gzip), expect: expectOr([400]) }),
    named(ctx, 'body', 'gzip of invalid JSON → 400', { parts: post(gzipSync('[{"a":'), gzip), expect: expectOr([400]) }),
  ];
}
