/** One header line as sent: any bytes, including ones HTTP forbids. */
export type RawHeader = readonly [name: string, value: string];

export interface RawRequestParts {
  readonly method: string;
  readonly target: string;
  /** `HTTP/1.1` unless a case plays with it. */
  readonly version?: string;
  readonly headers: readonly RawHeader[];
  readonly body?: Buffer | string;
  /** Line ending of the head; a case may use a bare LF. */
  readonly eol?: string;
  /** Adds `content-length` from the body when the case did not set framing itself. */
  readonly autoLength?: boolean;
}

/**
 * The exact bytes of a request head and body. Strings are taken as latin1 so a case can put
 * any byte (invalid UTF-8, NUL, DEL) where it wants: nothing here sanitises.
 */
export function rawRequest(parts: RawRequestParts): Buffer {
  const eol = parts.eol ?? '\r\n';
  const body = parts.body === undefined ? Buffer.alloc(0) : typeof parts.body === 'string' ? Buffer.from(parts.body, 'latin1') : parts.body;
  const headers = [...parts.headers];
  const framed = headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name.trim()));
  if ((parts.autoLength ?? true) && !framed && body.length > 0) headers.push(['Content-Length', String(body.length)]);
  const head = `${parts.method} ${parts.target} ${parts.version ?? 'HTTP/1.1'}${eol}${headers.map(([n, v]) => `${n}: ${v}${eol}`).join('')}${eol}`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** Bytes as they were written by hand (`\r\n` spelled out), for cases that break the grammar itself. */
export function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** A chunked body from the given chunks, with the terminating zero chunk. */
export function chunked(chunks: readonly string[]): string {
  return `${chunks.map((c) => `${Buffer.byteLength(c, 'latin1').toString(16)}\r\n${c}\r\n`).join('')}0\r\n\r\n`;
}
