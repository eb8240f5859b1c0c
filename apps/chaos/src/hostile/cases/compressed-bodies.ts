import { gzipSync } from 'node:zlib';

/** Decoded size of the gzip bomb: 4× the collector's 64 MiB decoded bound, about 256 KiB on the wire. */
export const GZIP_BOMB_DECODED_BYTES = 256 * 1024 * 1024;
/** Items in the item-count bomb: 300× the collector's 10,000 per batch, 9 MB decoded, under its byte bounds. */
export const ITEM_BOMB_ITEMS = 3_000_000;

let cache: { bomb: Buffer; items: Buffer } | undefined;

/** Built once per run (about a second): zeros gzip at about 1000:1. */
export function compressedBodies(): { bomb: Buffer; items: Buffer } {
  cache ??= {
    bomb: gzipSync(Buffer.alloc(GZIP_BOMB_DECODED_BYTES), { level: 1 }),
    items: gzipSync(`[${'{},'.repeat(ITEM_BOMB_ITEMS - 1)}{}]`),
  };
  return cache;
}
