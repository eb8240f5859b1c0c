import { generatedExpectation } from './generated-expectation';
import { type HostileCase, type TargetName } from './hostile-case';
import { chunked, rawRequest, type RawHeader, type RawRequestParts } from './raw-request';
import { seededRandom, type SeededRandom } from './seeded-random';

/** The seed when HOSTILE_SEED is not set: the same corpus on every run unless asked otherwise. */
export const DEFAULT_SEED = 0x5eed_2025;
/** At most this many mutations per case: enough to combine framing with a bad header, few enough to read. */
export const MAX_MUTATIONS_PER_CASE = 3;
/** Longest generated target or header value: below most servers' 16 KiB header limit, and some above. */
export const MAX_GENERATED_FIELD_BYTES = 20 * 1024;

interface Draft {
  parts: RawRequestParts;
  labels: string[];
  incomplete: boolean;
  tunnel: boolean;
  head: boolean;
  /** Applied to the serialised bytes last. */
  bytes?: (raw: Buffer) => Buffer;
}

type Mutator = (rng: SeededRandom, draft: Draft) => void;

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'PRI',
  'get',
  'GE T',
  'G\tET',
  '',
  'M-SEARCH',
  'GET\x00',
];
const VERSIONS = ['HTTP/1.0', 'HTTP/1.2', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1.1 ', 'HTTP/11', '', 'HTTP/1.1\x00', 'HTTP/9.9'];
const HEADER_NAMES = [
  'X-Chaos',
  'Host',
  'Content-Length',
  'Transfer-Encoding',
  'Connection',
  'Expect',
  'Upgrade',
  'Content-Type',
  'Content-Encoding',
  'Accept-Encoding',
  'Range',
  'If-None-Match',
  'Cookie',
  'X-Forwarded-For',
  'X-Request-Id',
  'end-user',
  'Bad Name',
  'Bad:Name',
  '',
  '\xff\xfe',
  'X\x00Y',
  'Te',
  'Trailer',
  'Proxy-Connection',
  'Keep-Alive',
];
const HEADER_VALUES = [
  'chunked',
  'gzip',
  'identity',
  'close',
  'keep-alive, Upgrade',
  'h2c',
  '100-continue',
  '0',
  '-1',
  '18446744073709551616',
  'bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6',
  'application/json',
  'text/html',
  '\x00',
  '\x7f',
  '\xc3\x28',
  '\xff\xff',
  'a\rb',
  'a\nb',
  '',
  ' ',
  '../../etc/passwd',
];
const SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E',
  '%',
  '%zz',
  '%00',
  '%ff',
  '\\',
  '//',
  '%2f',
  '\xff',
  '\x01',
  '~',
  ';x=1',
  '*',
  '?',
  '#frag',
  'books',
  '1',
  'internal',
  '%69nternal',
];

const MUTATORS: readonly (readonly [string, Mutator])[] = [
  [
    'method',
    (rng, d) => {
      const method = rng.chance(0.1) ? 'X'.repeat(rng.int(1, 300)) : rng.pick(METHODS);
      d.parts = { ...d.parts, method };
      d.head = method === 'HEAD';
      d.tunnel ||= method === 'CONNECT';
    },
  ],
  [
    'target',
    (rng, d) => {
      const target = d.parts.target;
      const choice = rng.int(0, 7);
      const next =
        choice === 0
          ? `${target}/${rng.pick(SEGMENTS)}/${rng.pick(SEGMENTS)}`
          : choice === 1
            ? `/${rng.pick(SEGMENTS)}${target}`
            : choice === 2
              ? `http://${rng.pick(['127.0.0.1', 'evil.example', 'localhost:1', '[::1]'])}${target}`
              : choice === 3
                ? rng.pick(['*', '127.0.0.1:22', '', 'books', '//', '/\\'])
                : choice === 4
                  ? `${target}${target.includes('?') ? '&' : '?'}${'q=' + 'a'.repeat(rng.int(1, MAX_GENERATED_FIELD_BYTES))}`
                  : choice === 5
                    ? `${target}${rng.pick(SEGMENTS)}`
                    : choice === 6
                      ? target.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)
                      : `${target}/${randomBytes(rng, rng.int(1, 16))}`;
      d.parts = { ...d.parts, target: next };
    },
  ],
  [
    'add-header',
    (rng, d) => {
      const value = rng.chance(0.1)
        ? 'v'.repeat(rng.int(1, MAX_GENERATED_FIELD_BYTES))
        : rng.chance(0.3)
          ? randomBytes(rng, rng.int(1, 40))
          : rng.pick(HEADER_VALUES);
      const name = rng.pick(HEADER_NAMES);
      if (/^(content-length|transfer-encoding)$/i.test(name)) d.incomplete = true;
      d.parts = { ...d.parts, headers: insertAt(rng, d.parts.headers, [name, value]) };
    },
  ],
  [
    'drop-header',
    (rng, d) => {
      if (d.parts.headers.length === 0) return;
      const index = rng.int(0, d.parts.headers.length - 1);
      d.parts = { ...d.parts, headers: d.parts.headers.filter((_h, i) => i !== index) };
    },
  ],
  [
    'duplicate-header',
    (rng, d) => {
      const header = d.parts.headers.length === 0 ? undefined : rng.pick(d.parts.headers);
      if (header === undefined) return;
      const value = rng.chance(0.5) ? header[1] : `${header[1]}x`;
      if (/^(content-length|transfer-encoding)$/i.test(header[0])) d.incomplete = true;
      d.parts = { ...d.parts, headers: insertAt(rng, d.parts.headers, [header[0], value]) };
    },
  ],
  [
    'version',
    (rng, d) => {
      d.parts = { ...d.parts, version: rng.pick(VERSIONS) };
    },
  ],
  [
    'framing',
    (rng, d) => {
      const body = typeof d.parts.body === 'string' ? d.parts.body : JSON.stringify({ chaos: randomBytes(rng, rng.int(0, 64)) });
      const headers = d.parts.headers.filter(([name]) => !/^(content-length|transfer-encoding)$/i.test(name));
      const choice = rng.int(0, 5);
      if (choice === 0) {
        // Declared longer than sent: the message can never complete.
        d.incomplete = true;
        d.parts = {
          ...d.parts,
          autoLength: false,
          body,
          headers: [...headers, ['Content-Length', String(body.length + rng.int(1, 1000))]],
        };
      } else if (choice === 1) {
        d.parts = {
          ...d.parts,
          autoLength: false,
          body,
          headers: [...headers, ['Content-Length', String(Math.max(0, body.length - rng.int(1, 20)))]],
        };
      } else if (choice === 2) {
        d.parts = {
          ...d.parts,
          autoLength: false,
          body: chunked([body.slice(0, 7), body.slice(7)].filter((c) => c !== '')),
          headers: [...headers, ['Transfer-Encoding', 'chunked']],
        };
      } else if (choice === 3) {
        d.incomplete = true;
        d.parts = {
          ...d.parts,
          autoLength: false,
          body: `${rng.pick(['-1', 'zz', 'fffffffffffffffffff', ' 5', '5 ;x', '0x5'])}\r\n${body}\r\n0\r\n\r\n`,
          headers: [...headers, ['Transfer-Encoding', 'chunked']],
        };
      } else if (choice === 4) {
        d.parts = {
          ...d.parts,
          autoLength: false,
          body: chunked([body]),
          headers: [...headers, ['Content-Length', String(body.length)], ['Transfer-Encoding', 'chunked']],
        };
      } else {
        d.incomplete = true;
        d.parts = {
          ...d.parts,
          autoLength: false,
          body,
          headers: [...headers, ['Content-Length', rng.pick(['abc', '+5', '5,5', '1e3', ' ', '0x10', '99999999999999999999'])]],
        };
      }
    },
  ],
  [
    'line-endings',
    (rng, d) => {
      const choice = rng.int(0, 2);
      if (choice === 0) d.parts = { ...d.parts, eol: '\n' };
      else if (choice === 1) d.parts = { ...d.parts, eol: '\r' };
      else d.parts = { ...d.parts, headers: [...d.parts.headers, ['X-Folded', 'first\r\n second']] };
      // A lone CR never ends the head: the server sees an incomplete message.
      d.incomplete ||= choice === 1;
    },
  ],
  [
    'bytes',
    (rng, d) => {
      const choice = rng.int(0, 2);
      const at = rng.next();
      const byte = rng.int(0, 255);
      d.incomplete = true;
      d.bytes = (raw) => {
        const index = Math.floor(at * raw.length);
        if (choice === 0) return Buffer.concat([raw.subarray(0, index), Buffer.from([byte]), raw.subarray(index + 1)]);
        if (choice === 1) return Buffer.concat([raw.subarray(0, index), Buffer.from([byte]), raw.subarray(index)]);
        return raw.subarray(0, index);
      };
    },
  ],
];

/**
 * `count` cases for one target, each a valid request with 1–3 mutations (method, target,
 * header names and values, framing, version, line endings, raw bytes). Deterministic in
 * (seed, target, count); the Host value is the listening address, the only runtime input.
 */
export function generateCases(options: {
  seed: number;
  target: TargetName;
  count: number;
  bases: readonly RawRequestParts[];
}): HostileCase[] {
  const rng = seededRandom(options.seed ^ hashName(options.target));
  const cases: HostileCase[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const draft: Draft = { parts: rng.pick(options.bases), labels: [], incomplete: false, tunnel: false, head: false };
    const mutations = rng.int(1, MAX_MUTATIONS_PER_CASE);
    for (let m = 0; m < mutations; m += 1) {
      const [label, mutate] = rng.pick(MUTATORS);
      mutate(rng, draft);
      draft.labels.push(label);
    }
    const raw = rawRequest(draft.parts);
    cases.push({
      name: `generated ${options.target} #${index} (seed ${options.seed}): ${draft.labels.join('+')}`,
      target: options.target,
      category: 'generated',
      parts: [{ bytes: draft.bytes === undefined ? raw : draft.bytes(raw) }],
      expect: generatedExpectation(draft),
      head: draft.head,
      // Only a message that cannot complete is half-closed (see ExchangeOptions.endAfterSend).
      endAfterSend: draft.incomplete,
    });
  }
  return cases;
}

function insertAt(rng: SeededRandom, headers: readonly RawHeader[], header: RawHeader): RawHeader[] {
  const index = rng.int(0, headers.length);
  return [...headers.slice(0, index), header, ...headers.slice(index)];
}

/** Random latin1 bytes: any of the 256, so control characters and invalid UTF-8 come up. */
function randomBytes(rng: SeededRandom, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += String.fromCharCode(rng.int(0, 255));
  return text;
}

/** Mixes the target into the seed so each target gets its own, still reproducible, stream. */
function hashName(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}
