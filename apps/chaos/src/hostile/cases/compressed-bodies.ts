import { deflateSync, gzipSync } from 'node:zlib';

/** Decoded size of the bombs: 64× the collector's 4 MiB decoded bound, about 256 KiB on the wire. */
export const BOMB_DECODED_BYTES = 256 * 1024 * 1024;
/** Items in the item-count bomb: far past the collector's 2,048 per batch (and, at 9 MB decoded, past its 4 MiB decoded bound). */
export const ITEM_BOMB_ITEMS = 3_000_000;

export interface CompressedBodies {
  readonly bomb: Buffer;
  readonly deflateBomb: Buffer;
  readonly items: Buffer;
}

let cache: CompressedBodies | undefined;

/** Built once per run (about a second): zeros compress at about 1000:1. */
export function compressedBodies(): CompressedBodies {
  cache ??= {
    bomb: gzipSync(Buffer.alloc(BOMB_DECODED_BYTES), { level: 1 }),
    deflateBomb: deflateSync(Buffer.alloc(BOMB_DECODED_BYTES), { level: 1 }),
    items: gzipSync(`[${'{},'.repeat(ITEM_BOMB_ITEMS - 1)}{}]`),
  };
  return cache;
}
