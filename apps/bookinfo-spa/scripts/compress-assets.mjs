// Precompresses the web build (brotli at maximum quality, gzip at level 9) once, at build
// time, so the server never compresses per request: `x.js` gets `x.js.br` and `x.js.gz`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.xml', '.webmanifest', '.ico', '.wasm']);
/** Below this the headers outweigh the saving. */
const MIN_BYTES = 256;

const root = process.argv[2];
if (root === undefined) {
  process.stderr.write('usage: node scripts/compress-assets.mjs <dir>\n');
  process.exit(2);
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let count = 0;
for (const path of [...files(root)]) {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
  const body = readFileSync(path);
  if (body.length < MIN_BYTES) continue;
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  );
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  count += 1;
}
process.stdout.write(`compress-assets: ${count} files precompressed (.br, .gz) in ${root}\n`);
