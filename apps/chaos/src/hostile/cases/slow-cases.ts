import { type HostileCase, type SendPart } from '../hostile-case';
import { latin1 } from '../raw-request';
import { named, postPath, booksPath, type CaseContext } from './case-context';

/**
 * How long a slow client may hold a connection. Node's headersTimeout (60 s) is checked every
 * connectionsCheckingInterval (30 s), so a server on Node's defaults lets go within 90 s; the
 * bound adds 5 s for a busy machine. Slow cases run concurrently, in the background of the rest.
 */
export const SLOW_CLIENT_BOUND_MS = 95_000;
/** A slow client writes this often: far under any idle timeout, so only a total bound stops it. */
export const TRICKLE_INTERVAL_MS = 2_000;

function trickle(first: string, piece: (i: number) => string): SendPart[] {
  const count = Math.ceil(SLOW_CLIENT_BOUND_MS / TRICKLE_INTERVAL_MS) + 5;
  return [
    { bytes: latin1(first) },
    ...Array.from({ length: count }, (_v, i) => ({ bytes: latin1(piece(i)), delayMs: TRICKLE_INTERVAL_MS })),
  ];
}

/**
 * Slowloris (a head trickled forever) and slow bodies (a body trickled, or stalled): the
 * server must answer (408, 400, 413, or the route's answer without the body) or close within
 * the bound. The case never half-closes: the client looks alive throughout.
 */
export function slowCases(ctx: CaseContext): HostileCase[] {
  const slow = {
    endAfterSend: false,
    timeoutMs: SLOW_CLIENT_BOUND_MS,
    expect: { statuses: Array.from({ length: 100 }, (_v, i) => 400 + i).concat([200, 202, 206]), closeWithinBound: true },
  };
  const head = `GET ${booksPath(ctx.target)} HTTP/1.1\r\nHost: ${ctx.authority}\r\n`;
  const post = `POST ${postPath(ctx.target)} HTTP/1.1\r\nHost: ${ctx.authority}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[`;
  return [
    named(ctx, 'slow', 'slowloris: a header line every 2 s, the head never ends', {
      ...slow,
      parts: trickle(head, (i) => `X-Slow-${i}: ${i}\r\n`),
    }),
    named(ctx, 'slow', 'slow body: 8 bytes every 2 s of a 100 kB body', { ...slow, parts: trickle(post, () => '{"a":1},') }),
    named(ctx, 'slow', 'stalled body: half the declared body, then silence', {
      ...slow,
      parts: [{ bytes: latin1(post + ' '.repeat(50_000)) }],
    }),
  ];
}
