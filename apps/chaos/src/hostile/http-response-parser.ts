/** One HTTP/1.x response as read off the wire. */
export interface ParsedResponse {
  readonly status: number;
  readonly version: string;
  /** Lower-cased names; repeated fields keep every value. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: Buffer;
}

export interface ParsedStream {
  /** Final responses in order (interim 1xx answers are listed in `interim`). */
  readonly responses: readonly ParsedResponse[];
  readonly interim: number;
  /** Bytes that do not start a well-formed response (a server writing garbage, or a cut answer). */
  readonly garbage: Buffer;
  /** The last response was cut short (the connection ended mid-head or mid-body). */
  readonly truncated: boolean;
}

/** Bodies past this are not kept, only skipped: a corpus answer never needs more. */
export const MAX_KEPT_BODY_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/(\d\.\d) (\d{3})(?: [^\r\n]*)?$/;

/**
 * Splits what a server wrote on one connection into responses. `bodiless` tells, per
 * response in order, whether its request was HEAD (no body whatever the headers say).
 */
export function parseResponses(bytes: Buffer, bodiless: (index: number) => boolean = () => false): ParsedStream {
  const responses: ParsedResponse[] = [];
  let interim = 0;
  let offset = 0;
  while (offset < bytes.length) {
    const headEnd = bytes.indexOf(HEAD_END, offset);
    if (headEnd < 0) return { responses, interim, garbage: Buffer.alloc(0), truncated: true };
    const lines = bytes.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const match = STATUS_LINE.exec(lines[0] ?? '');
    if (match === null) return { responses, interim, garbage: bytes.subarray(offset), truncated: false };
    const status = Number(match[2]);
    const headers = parseHeaderLines(lines.slice(1));
    if (headers === undefined) return { responses, interim, garbage: bytes.subarray(offset), truncated: false };
    offset = headEnd + HEAD_END.length;
    if (status >= 100 && status < 200) {
      interim += 1;
      continue;
    }
    const body = readBody(bytes, offset, headers, status, bodiless(responses.length));
    if (body === 'truncated') return { responses, interim, garbage: Buffer.alloc(0), truncated: true };
    if (body === 'garbage') return { responses, interim, garbage: bytes.subarray(offset), truncated: false };
    responses.push({ status, version: match[1] ?? '', headers, body: body.kept });
    offset = body.end;
  }
  return { responses, interim, garbage: Buffer.alloc(0), truncated: false };
}

function parseHeaderLines(lines: readonly string[]): Map<string, string[]> | undefined {
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

type Body = { readonly kept: Buffer; readonly end: number } | 'truncated' | 'garbage';

function readBody(bytes: Buffer, start: number, headers: ReadonlyMap<string, readonly string[]>, status: number, bodiless: boolean): Body {
  if (bodiless || status === 204 || status === 304) return { kept: Buffer.alloc(0), end: start };
  const te = headers.get('transfer-encoding')?.join(',').toLowerCase();
  if (te !== undefined && /(^|,)\s*chunked\s*$/.test(te)) return readChunked(bytes, start);
  const length = headers.get('content-length');
  if (length !== undefined) {
    const declared = Number(length[0]);
    if (!Number.isSafeInteger(declared) || declared < 0 || length.some((v) => v !== length[0])) return 'garbage';
    if (bytes.length - start < declared) return 'truncated';
    return { kept: bytes.subarray(start, start + Math.min(declared, MAX_KEPT_BODY_BYTES)), end: start + declared };
  }
  // Delimited by the close: everything left is this body.
  return { kept: bytes.subarray(start, start + MAX_KEPT_BODY_BYTES), end: bytes.length };
}

function readChunked(bytes: Buffer, start: number): Body {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let offset = start;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) return 'truncated';
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isSafeInteger(size) || size < 0) return 'garbage';
    offset = lineEnd + 2;
    if (size === 0) {
      // Trailer fields, then the empty line.
      const end = bytes.indexOf(HEAD_END, offset - 2);
      if (end < 0) return 'truncated';
      return { kept: Buffer.concat(kept), end: end + HEAD_END.length };
    }
    if (bytes.length < offset + size + 2) return 'truncated';
    if (keptBytes < MAX_KEPT_BODY_BYTES) {
      kept.push(bytes.subarray(offset, offset + size));
      keptBytes += size;
    }
    offset += size + 2;
  }
}

/** The single value of a header, or undefined. */
export function headerValue(response: ParsedResponse, name: string): string | undefined {
  return response.headers.get(name.toLowerCase())?.[0];
}
