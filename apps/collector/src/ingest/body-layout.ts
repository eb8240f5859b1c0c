import { type TrackLimitError } from '../errors';
import { trackLimitError, type TrackLimits } from './track-limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const SPACE = 0x20;
const TAB = 0x09;
const RETURN = 0x0d;

/** How a track body is laid out, found before anything is parsed (see scanBody). */
export type BodyLayout =
  | { readonly kind: 'empty' }
  /** One JSON array: each element's text as sent, trimmed; its elements are the items. */
  | { readonly kind: 'array'; readonly elements: readonly string[] }
  /** One JSON value that is not an array: the one item. */
  | { readonly kind: 'value' }
  /** Anything else is read as newline-delimited JSON: each non-empty line, trimmed, is an item. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  | { readonly kind: 'over'; readonly error: TrackLimitError };

/**
 * One pass over the structure of a decoded body (strings, nesting, separators; no values are
 * built) that counts what parsing it would cost: its items and its JSON values (every
 * `{`, `[` and `,` outside strings, plus one: never fewer than JSON.parse would build).
 * Stops with `over` as soon as either passes its bound, before the rest is read; so an
 * over-long body is a 413 even when it would also turn out malformed further on.
 * Malformed input is not judged here: it gets the layout its structure suggests and the
 * parser names what is wrong. A raw newline ends a string (JSON strings cannot hold one), so
 * a stray quote cannot hide the lines after it from the counts.
 */
export function scanBody(text: string, limits: Pick<TrackLimits, 'maxItemsPerBatch' | 'maxJsonValues'>): BodyLayout {
  const first = skipSpace(text, 0);
  if (first === text.length) return { kind: 'empty' };
  const isArray = text.charCodeAt(first) === OPEN_BRACKET;
  const elements: string[] = [];
  let elementStart = first + 1;
  let depth = 0;
  let values = 1;
  let topValues = 0;
  let inTopToken = false;
  let nextNewline = newlineFrom(text, 0);
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (depth === 0) topValues += 1;
      if (nextNewline < i) nextNewline = newlineFrom(text, i);
      const end = stringEnd(text, i, nextNewline);
      // Resume after the closing quote, or at the newline that cut the string short.
      i = end === nextNewline ? end - 1 : end;
      inTopToken = false;
      continue;
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (depth === 0) topValues += 1;
      depth += 1;
      values += 1;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      if (depth === 0) {
        topValues += 1; // A stray closer: not one value, whatever follows.
        continue;
      }
      depth -= 1;
      if (depth === 0 && isArray && topValues === 1) {
        const last = text.slice(elementStart, i).trim();
        if (last !== '' || elements.length > 0) elements.push(last);
      }
    } else if (code === COMMA) {
      values += 1;
      if (depth === 1 && isArray && topValues === 1) {
        elements.push(text.slice(elementStart, i).trim());
        elementStart = i + 1;
      }
    } else if (depth === 0) {
      // A bare token at the top (42, true): a value where it starts.
      const space = isSpace(code);
      if (!space && !inTopToken) topValues += 1;
      inTopToken = !space;
      continue;
    }
    inTopToken = false;
    if (values > limits.maxJsonValues) return { kind: 'over', error: trackLimitError('maxJsonValues', limits.maxJsonValues) };
    if (elements.length > limits.maxItemsPerBatch)
      return { kind: 'over', error: trackLimitError('maxItemsPerBatch', limits.maxItemsPerBatch) };
  }
  if (topValues === 1 && depth === 0) return isArray ? { kind: 'array', elements } : { kind: 'value' };
  return splitLines(text, limits.maxItemsPerBatch);
}

function splitLines(text: string, maxItems: number): BodyLayout {
  const lines: string[] = [];
  for (let start = 0; start < text.length;) {
    const end = newlineFrom(text, start);
    const line = text.slice(start, end).trim();
    if (line !== '') {
      lines.push(line);
      if (lines.length > maxItems) return { kind: 'over', error: trackLimitError('maxItemsPerBatch', maxItems) };
    }
    start = end + 1;
  }
  return { kind: 'lines', lines };
}

/** The index of the next newline at or after `from`, or the text's length. */
function newlineFrom(text: string, from: number): number {
  const index = text.indexOf('\n', from);
  return index < 0 ? text.length : index;
}

/**
 * Where the string opened at `open` ends: its closing quote, or `lineEnd` when the line ends
 * first (malformed). Never searches past the line, so stray quotes cannot make the scan quadratic.
 */
function stringEnd(text: string, open: number, lineEnd: number): number {
  let i = text.indexOf('"', open + 1);
  while (i >= 0 && i < lineEnd) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return i;
    i = text.indexOf('"', i + 1);
  }
  return lineEnd;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** JSON's whitespace. */
function isSpace(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === RETURN || code === TAB;
}
