import { isUtf8 } from 'node:buffer';
import { truncateText } from './diff-example';

/** A text body's values are an excerpt this long, starting a little before the first difference. */
export const TEXT_EXCERPT_CHARS = 200;
/** How much of what precedes the first difference the excerpt keeps, for context. */
const TEXT_EXCERPT_LEAD = 40;

/**
 * Both bodies as text from a little before their first difference; a body that is not
 * UTF-8 as its size. Only a window around the difference is decoded: the bodies may be
 * up to a mebibyte, and the first differing byte is found by native comparisons.
 */
export function textExcerpts(a: Buffer, b: Buffer): [string, string] {
  const [textA, textB] = [isUtf8(a), isUtf8(b)];
  // The bodies are equal before their first difference: one start serves both.
  const start = textA && textB ? charsBefore(a, charStart(a, firstDifference(a, b)), TEXT_EXCERPT_LEAD) : 0;
  return [textA ? excerpt(a, start) : notText(a), textB ? excerpt(b, start) : notText(b)];
}

const notText = (body: Buffer) => `[${body.length} bytes, not UTF-8 text]`;

/** The index of the first byte at which the bodies differ (the shorter one's length if one is a prefix). */
function firstDifference(a: Buffer, b: Buffer): number {
  // Invariant: the first `low` bytes are equal and the first difference is before `high`;
  // each step compares only the half in question, so the bytes compared add up to 2n.
  let [low, high] = [0, Math.min(a.length, b.length)];
  if (a.compare(b, 0, high, 0, high) === 0) return high;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (a.compare(b, low, mid, low, mid) === 0) low = mid;
    else high = mid;
  }
  return low;
}

/** `at`, moved back to the first byte of the UTF-8 character it falls in. */
function charStart(body: Buffer, at: number): number {
  let start = Math.min(at, body.length);
  while (start > 0 && ((body[start] ?? 0) & 0xc0) === 0x80) start -= 1;
  return start;
}

/** The byte `chars` characters before `at` (a character's first byte), or 0. */
function charsBefore(body: Buffer, at: number, chars: number): number {
  let [start, count] = [at, 0];
  while (start > 0 && count < chars) {
    start -= 1;
    if (((body[start] ?? 0) & 0xc0) !== 0x80) count += 1;
  }
  return start;
}

/** TEXT_EXCERPT_CHARS characters from byte `start`, with "…" where text was left out. */
function excerpt(body: Buffer, start: number): string {
  const head = start > 0 ? '…' : '';
  // Over 200 characters whenever the body goes on past the window (a character takes at most four bytes).
  const end = charStart(body, start + TEXT_EXCERPT_CHARS * 4 + 4);
  return head + truncateText(body.toString('utf8', start, end), TEXT_EXCERPT_CHARS - head.length);
}
