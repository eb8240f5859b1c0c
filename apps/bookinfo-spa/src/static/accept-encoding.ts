/** Encodings the build precompresses, best first (brotli is smaller at the same speed to decode). */
export const PRECOMPRESSED_ENCODINGS = ['br', 'gzip'] as const;
export type ContentEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number];

/** A longer header is not a browser's: it is ignored (identity) rather than parsed. */
const MAX_ACCEPT_ENCODING_LENGTH = 1024;

/** q-values by coding name from an Accept-Encoding header (RFC 9110 §12.5.3). */
function parseQualities(header: string): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase() ?? '';
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((t) => t.trim());
      if (key?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : 0;
      }
    }
    qualities.set(name, q);
  }
  return qualities;
}

/**
 * The encoding to answer with, among those available for the file: the highest q wins,
 * ties go to the better compression; `*` stands for any coding not named; `identity`
 * when none is acceptable.
 */
export function negotiateEncoding(header: string | undefined, available: readonly ContentEncoding[]): ContentEncoding | 'identity' {
  if (header === undefined || header === '' || header.length > MAX_ACCEPT_ENCODING_LENGTH) return 'identity';
  const qualities = parseQualities(header);
  const wildcard = qualities.get('*');
  let best: ContentEncoding | 'identity' = 'identity';
  let bestQ = 0;
  for (const encoding of PRECOMPRESSED_ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const q = qualities.get(encoding) ?? (encoding === 'gzip' ? qualities.get('x-gzip') : undefined) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}
