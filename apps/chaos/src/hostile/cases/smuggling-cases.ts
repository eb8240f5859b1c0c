import { CLIENT_ERRORS, oneShot, type HostileCase } from '../hostile-case';
import { latin1 } from '../raw-request';
import { booksPath, named, postPath, type CaseContext } from './case-context';

/** The request hidden in a body: its path carries a marker no upstream may ever log. */
function smuggled(ctx: CaseContext, marker: string): string {
  const path = ctx.target.startsWith('collector') ? `/${marker}` : booksPath(ctx.target, `/books/${marker}`);
  return `GET ${path} HTTP/1.1\r\nHost: ${ctx.authority}\r\n\r\n`;
}

/**
 * Request smuggling per RFC 9112 §6: each body means one request under one reading of the
 * framing and two under another. A correct server answers once (400, or the 4xx of the junk
 * request read by Transfer-Encoding alone, then closes: §6.3) and nothing carrying the marker
 * reaches an upstream. 501 is allowed where the coding is one the server does not implement (§6.1).
 */
export function smugglingCases(ctx: CaseContext): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, build: (inner: string) => string, alsoOk: readonly number[] = []) => {
    const marker = `SMUGGLED-${ctx.target}-${cases.length}`;
    const bytes = latin1(build(smuggled(ctx, marker)));
    cases.push(
      named(ctx, 'smuggling', name, {
        parts: oneShot(bytes),
        expect: { statuses: [...CLIENT_ERRORS, 501, ...alsoOk], laterAnswers: [400] },
        upstreamMustNotSee: [marker],
      }),
    );
  };
  const head = (lines: string[], eol = '\r\n') =>
    `POST ${postPath(ctx.target)} HTTP/1.1${eol}Host: ${ctx.authority}${eol}${lines.map((l) => `${l}${eol}`).join('')}${eol}`;
  const zeroChunk = (inner: string) => `0\r\n\r\n${inner}`;
  const clOf = (body: string) => `Content-Length: ${body.length}`;

  add(
    'CL.TE: Content-Length covers the request Transfer-Encoding ends before',
    (i) => head([clOf(zeroChunk(i)), 'Transfer-Encoding: chunked']) + zeroChunk(i),
  );
  add('TE.CL: the same, Transfer-Encoding first', (i) => head(['Transfer-Encoding: chunked', clOf(zeroChunk(i))]) + zeroChunk(i));
  add('CL.CL: two different Content-Length fields', (i) => head(['Content-Length: 5', `Content-Length: ${5 + i.length}`]) + `hello${i}`);
  add('CL list with different values', (i) => head([`Content-Length: 5, ${5 + i.length}`]) + `hello${i}`);
  for (const value of ['+5', '-5', '0x5', '5 5', '5.0', '05a', '\t5\x00']) {
    add(`Content-Length ${JSON.stringify(value)}`, (i) => head([`Content-Length: ${value}`]) + `hello${i}`);
  }
  add('Content-Length past 2^64', (i) => head(['Content-Length: 18446744073709551621']) + `hello${i}`);
  const obfuscations: [string, string][] = [
    ['chunked, identity (chunked not last)', 'Transfer-Encoding: chunked, identity'],
    ['identity, chunked (unknown coding first)', 'Transfer-Encoding: identity, chunked'],
    ['xchunked', 'Transfer-Encoding: xchunked'],
    ['quoted "chunked"', 'Transfer-Encoding: "chunked"'],
    ['chunked with a trailing NUL', 'Transfer-Encoding: chunked\x00'],
    ['space before the colon', 'Transfer-Encoding : chunked'],
    ['tab before the colon', 'Transfer-Encoding\t: chunked'],
    ['underscore name', 'Transfer_Encoding: chunked'],
    ['obs-fold value', 'Transfer-Encoding:\r\n chunked'],
    ['two fields, chunked then identity', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: identity'],
    ['chunked twice in one field', 'Transfer-Encoding: chunked, chunked'],
    ['upper case CHUNKED (valid name, still with CL)', 'Transfer-Encoding: CHUNKED'],
    ['bare LF before the field', 'X-Pad: 1\nTransfer-Encoding: chunked'],
    ['vertical tab in the value', 'Transfer-Encoding:\x0bchunked'],
  ];
  for (const [name, line] of obfuscations) {
    add(`TE obfuscated with CL: ${name}`, (i) => head([clOf(zeroChunk(i)), line]) + zeroChunk(i));
  }
  add('whole head with bare LF, CL and TE', (i) => head([clOf(zeroChunk(i)), 'Transfer-Encoding: chunked'], '\n') + zeroChunk(i));
  add(
    'HTTP/1.0 with TE and CL',
    (i) => head([clOf(zeroChunk(i)), 'Transfer-Encoding: chunked']).replace('HTTP/1.1', 'HTTP/1.0') + zeroChunk(i),
  );
  for (const size of ['fffffffffffffffff1', '-0', '0x0', '1g', '+1', '1 1', '\t1']) {
    add(`chunk size ${JSON.stringify(size)}`, (i) => head(['Transfer-Encoding: chunked']) + `${size}\r\nX\r\n0\r\n\r\n${i}`);
  }
  add('chunk terminated by bare LF', (i) => head(['Transfer-Encoding: chunked']) + `1\nX\n0\n\n${i}`);
  add('chunk data longer than its size', (i) => head(['Transfer-Encoding: chunked']) + `1\r\nXX\r\n0\r\n\r\n${i}`);
  add('chunk extension with a bare CR', (i) => head(['Transfer-Encoding: chunked']) + `1;a=\rb\r\nX\r\n0\r\n\r\n${i}`);
  add('chunk extension with an unterminated quote', (i) => head(['Transfer-Encoding: chunked']) + `1;a="x\r\nX\r\n0\r\n\r\n${i}`);
  add('chunk extensions of 64 KiB', (i) => head(['Transfer-Encoding: chunked']) + `1;${'a=b;'.repeat(16 * 1024)}c\r\nX\r\n0\r\n\r\n${i}`);
  // A GET may carry a body: it is that request's data, never a second request.
  add(
    'GET whose Content-Length body is a request',
    (i) => `GET ${booksPath(ctx.target)} HTTP/1.1\r\nHost: ${ctx.authority}\r\nContent-Length: ${i.length}\r\n\r\n${i}`,
    [200],
  );
  return cases;
}
