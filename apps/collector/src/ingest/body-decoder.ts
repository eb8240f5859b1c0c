import { type Transform } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { TrackBodyError } from '../errors';
import { trackLimitError } from './track-limits';

/**
 * Output chunk of the inflater, the step at which the decoded size is checked: at most this
 * much is decoded past the bound before inflating stops.
 */
export const INFLATE_CHUNK_BYTES = 64 * 1024;

/** Content-encodings the track API decodes; `deflate` is the zlib format (RFC 9110), as Node sends it. */
const INFLATERS: Readonly<Record<string, () => Transform>> = {
  gzip: () => createGunzip({ chunkSize: INFLATE_CHUNK_BYTES }),
  'x-gzip': () => createGunzip({ chunkSize: INFLATE_CHUNK_BYTES }),
  deflate: () => createInflate({ chunkSize: INFLATE_CHUNK_BYTES }),
};

/**
 * The body as sent, decoded, refused as soon as it passes `maxDecodedBytes`. Compressed bodies
 * are inflated as a stream on the zlib thread pool, counting what comes out, so a small bomb
 * costs the event loop a few chunks and the process at most the bound, never what it would
 * inflate to. Rejects with TrackLimitError (413) or TrackBodyError (400 corrupt, 415 unknown).
 */
export async function decodeBody(body: Buffer, contentEncoding: string | undefined, maxDecodedBytes: number): Promise<Buffer> {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') {
    if (body.length > maxDecodedBytes) throw trackLimitError('maxDecodedBytes', maxDecodedBytes);
    return body;
  }
  const inflater = INFLATERS[encoding];
  if (inflater === undefined) {
    throw new TrackBodyError(
      'ERR_ENCODING_UNSUPPORTED',
      415,
      `content-encoding "${encoding.slice(0, 40)}" is not supported (use gzip, deflate or none)`,
    );
  }
  return inflateBounded(inflater(), body, maxDecodedBytes, encoding === 'deflate' ? 'deflate' : 'gzip');
}

function inflateBounded(inflater: Transform, body: Buffer, maxDecodedBytes: number, format: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let decoded = 0;
    inflater.on('data', (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > maxDecodedBytes) {
        // Stops the inflater and frees what it held; a settled promise ignores later events.
        inflater.destroy();
        chunks.length = 0;
        reject(trackLimitError('maxDecodedBytes', maxDecodedBytes));
        return;
      }
      chunks.push(chunk);
    });
    inflater.once('error', (error: Error) => {
      reject(new TrackBodyError('ERR_ENCODING_INVALID', 400, `body is not valid ${format} data (${error.message})`));
    });
    inflater.once('end', () => resolve(Buffer.concat(chunks, decoded)));
    inflater.end(body);
  });
}
