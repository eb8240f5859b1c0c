import { type IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { ClientAbortedError } from '../errors';

/**
 * The live body of a request too large to read ahead: what arrived so far, then the rest
 * piped from the request with the upstream's backpressure (a slow upstream slows the
 * client, as without a proxy). A client that leaves mid-body fails the stream.
 */
export function streamBody(req: IncomingMessage, prefix: readonly Buffer[]): PassThrough {
  const body = new PassThrough();
  for (const chunk of prefix) body.write(chunk);
  req.pipe(body);
  req.once('close', () => {
    if (!req.complete) body.destroy(new ClientAbortedError());
  });
  return body;
}
