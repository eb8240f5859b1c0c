import { type IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { ClientAbortedError, MirrorBodyTooLargeError } from '../errors';

export interface TeedBody {
  /** What the live request sends: every byte, with the client's backpressure. */
  readonly live: PassThrough;
  /** What the mirror sends: a bounded copy, destroyed past maxBytes. */
  readonly copy: Readable;
}

/**
 * Splits a request body between live and mirror. Live drives the pace (req is piped into
 * it, so a slow live upstream slows the client, as without a mirror); the copy never
 * pushes back. Its buffer is bounded by maxBytes because it can never hold more than the
 * body so far, and past maxBytes the copy alone is destroyed: a mirror that cannot keep
 * up, or a body too large to mirror, costs the live request nothing.
 */
export function teeRequestBody(req: IncomingMessage, maxBytes: number): TeedBody {
  const live = new PassThrough();
  const copy = new Readable({ read() {} });
  let bytes = 0;
  req.on('data', (chunk: Buffer) => {
    if (copy.destroyed) return;
    bytes += chunk.length;
    if (bytes > maxBytes) copy.destroy(new MirrorBodyTooLargeError(maxBytes));
    else copy.push(chunk);
  });
  req.pipe(live);
  req.once('end', () => {
    if (!copy.destroyed) copy.push(null);
  });
  req.once('close', () => {
    if (req.complete) return;
    const aborted = new ClientAbortedError();
    live.destroy(aborted);
    copy.destroy(aborted);
  });
  return { live, copy };
}
