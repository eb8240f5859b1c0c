import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { WebRootError } from '../errors';
import { type ContentEncoding } from './accept-encoding';
import { cacheControlFor } from './cache-policy';
import { contentTypeOf } from './content-types';

/** A Vite build is a few hundred KB; past these the web root is wrong, not big. */
export const STATIC_LIMITS = {
  maxFiles: 5000,
  maxTotalBytes: 64 * 1024 * 1024,
} as const;

const ENCODING_SUFFIXES: Readonly<Record<ContentEncoding, string>> = { br: '.br', gzip: '.gz' };

export interface StaticVariant {
  readonly body: Buffer;
  readonly etag: string;
}

export interface StaticFile {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly identity: StaticVariant;
  readonly encoded: ReadonlyMap<ContentEncoding, StaticVariant>;
}

export type StaticFileIndex = ReadonlyMap<string, StaticFile>;

function listFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) files.push(path);
      if (files.length > STATIC_LIMITS.maxFiles) throw new WebRootError(root, `holds more than ${STATIC_LIMITS.maxFiles} files`);
    }
  }
  return files;
}

/** One ETag per representation: a cache must not answer a gzip request with brotli bytes. */
function etagOf(body: Buffer, suffix: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${suffix}"`;
}

/**
 * Reads the built web app into memory once, at start-up: URL path → file with its
 * precompressed twins (`x.js.br`, `x.js.gz`). The build is immutable while the process
 * runs, so every request is a map lookup and no request ever touches the file system.
 */
export function loadStaticFiles(root: string): StaticFileIndex {
  try {
    if (!statSync(root).isDirectory()) throw new WebRootError(root, 'is not a directory');
  } catch (error) {
    if (error instanceof WebRootError) throw error;
    throw new WebRootError(root, 'does not exist');
  }
  const paths = listFiles(root);
  const present = new Set(paths);
  const index = new Map<string, StaticFile>();
  let total = 0;
  const read = (path: string) => {
    const body = readFileSync(path);
    total += body.length;
    if (total > STATIC_LIMITS.maxTotalBytes) throw new WebRootError(root, `holds more than ${STATIC_LIMITS.maxTotalBytes} bytes`);
    return body;
  };
  for (const path of paths) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const urlPath = `/${relative(root, path).split(sep).join('/')}`;
    const body = read(path);
    const encoded = new Map<ContentEncoding, StaticVariant>();
    for (const [encoding, suffix] of Object.entries(ENCODING_SUFFIXES) as [ContentEncoding, string][]) {
      if (!present.has(path + suffix)) continue;
      const compressed = read(path + suffix);
      // A compressed twin that is not smaller is not worth its decoding.
      if (compressed.length < body.length) encoded.set(encoding, { body: compressed, etag: etagOf(body, `-${encoding}`) });
    }
    index.set(urlPath, {
      contentType: contentTypeOf(path),
      cacheControl: cacheControlFor(urlPath),
      identity: { body, etag: etagOf(body, '') },
      encoded,
    });
  }
  if (!index.has('/index.html')) throw new WebRootError(root, 'has no index.html');
  return index;
}
