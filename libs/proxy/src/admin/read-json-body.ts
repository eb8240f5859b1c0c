import { type IncomingMessage } from 'node:http';
import { AdminRequestError } from '../errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads an admin request's JSON body, bounded: a declared or streamed size past `maxBytes`
 * is 413 (nothing more is read), another content type 415, bad JSON 400 with its position.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!JSON_TYPE.test(req.headers['content-type'] ?? ''))
      return reject(new AdminRequestError(415, 'UNSUPPORTED_MEDIA_TYPE', 'admin writes take JSON: send content-type: application/json'));
    const tooLarge = new AdminRequestError(413, 'BODY_TOO_LARGE', `request body must be at most ${maxBytes} bytes`);
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge);
    };
    req.on('data', onData);
    req.on('error', () => reject(new AdminRequestError(400, 'BAD_REQUEST_BODY', 'request body was cut short')));
    req.on('end', () => {
      if (size > maxBytes) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(new AdminRequestError(400, 'BAD_JSON', `request body is not valid JSON: ${(error as Error).message}`));
      }
    });
  });
}
