import { deflateSync, gzipSync } from 'node:zlib';
import { TrackBodyError, TrackLimitError } from '../errors';
import { decodeBody, INFLATE_CHUNK_BYTES } from './body-decoder';

const text = JSON.stringify([{ name: 'a' }, { name: 'b' }]);

describe('decodeBody', () => {
  it('returns plain, gzip and deflate bodies as sent', async () => {
    expect((await decodeBody(Buffer.from(text), undefined, 1024)).toString()).toBe(text);
    expect((await decodeBody(Buffer.from(text), ' identity ', 1024)).toString()).toBe(text);
    expect((await decodeBody(gzipSync(text), 'gzip', 1024)).toString()).toBe(text);
    expect((await decodeBody(gzipSync(text), 'x-gzip', 1024)).toString()).toBe(text);
    expect((await decodeBody(deflateSync(text), 'deflate', 1024)).toString()).toBe(text);
  });

  it('accepts a body of exactly the bound', async () => {
    const exact = Buffer.alloc(3 * INFLATE_CHUNK_BYTES, 0x20);
    expect((await decodeBody(gzipSync(exact), 'gzip', exact.length)).equals(exact)).toBe(true);
    expect((await decodeBody(exact, undefined, exact.length)).length).toBe(exact.length);
  });

  it('stops inflating a bomb at the bound, naming the limit', async () => {
    // 64 MiB of zeros in about 64 KiB: inflated, the process would hold all of it.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const rssBefore = process.memoryUsage().rss;
    const error = await decodeBody(bomb, 'gzip', 1024 * 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrackLimitError);
    expect(error).toMatchObject({
      setting: 'MAX_DECODED_BYTES',
      bound: 1024 * 1024,
      message: 'decoded body exceeds 1048576 bytes (MAX_DECODED_BYTES); nothing was stored',
    });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a plain body past the bound', async () => {
    await expect(decodeBody(Buffer.alloc(2048), undefined, 1024)).rejects.toMatchObject({ setting: 'MAX_DECODED_BYTES' });
  });

  it('says what is wrong with a corrupt or truncated body', async () => {
    await expect(decodeBody(Buffer.from('not gzip at all'), 'gzip', 1024)).rejects.toThrow(
      new TrackBodyError('ERR_ENCODING_INVALID', 400, 'body is not valid gzip data (incorrect header check)'),
    );
    const truncated = gzipSync(text).subarray(0, 20);
    await expect(decodeBody(truncated, 'gzip', 1024)).rejects.toMatchObject({
      status: 400,
      message: 'body is not valid gzip data (unexpected end of file)',
    });
    await expect(decodeBody(gzipSync(text), 'deflate', 1024)).rejects.toMatchObject({ status: 400, code: 'ERR_ENCODING_INVALID' });
  });

  it('answers 415 for an encoding it does not decode', async () => {
    await expect(decodeBody(Buffer.from(text), 'br', 1024)).rejects.toMatchObject({ status: 415, code: 'ERR_ENCODING_UNSUPPORTED' });
  });
});
