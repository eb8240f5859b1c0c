import { gunzipSync } from 'node:zlib';
import { checkEnvelope } from './envelope-validator';
import { rawArrayItems } from './raw-json-items';
import { type RequestRow } from './stored-item';
import { type TrackLimits } from './track-limits';
import { batchFailure, type TrackItemError, type TrackResponse } from './track-response';

/** Stands for a line of newline-delimited JSON that does not parse: that item alone is rejected. */
const UNPARSABLE: unique symbol = Symbol('unparsable');

export interface AcceptedItem {
  /** The envelope as JSON, on one line: its text as sent when possible, else serialised here (so storing it cannot fail later). */
  readonly json: string;
  readonly request: RequestRow | undefined;
}

/** What to answer, and what to store before answering (nothing is stored on a 4xx batch). */
export interface TrackOutcome {
  readonly status: 200 | 206 | 400 | 413 | 415;
  readonly response: TrackResponse;
  readonly accepted: readonly AcceptedItem[];
}

/**
 * Decodes and checks one POST /v2.1/track body: JSON array, single envelope or
 * newline-delimited JSON, optionally gzip-encoded. Malformed items are rejected one by one
 * (400 each, with the rule they break) and the rest accepted: 200 when all were, 206 when
 * some were, 400 when none could be. Never throws on bad input.
 */
export function processTrackBatch(body: Buffer, contentEncoding: string | undefined, limits: TrackLimits): TrackOutcome {
  if (body.length > limits.maxBodyBytes) {
    return failure(413, `request body exceeds ${limits.maxBodyBytes} bytes`);
  }
  const decoded = decode(body, contentEncoding, limits.maxDecodedBytes);
  if (typeof decoded !== 'string') return decoded;
  const parsed = parseItems(decoded);
  if ('error' in parsed) return failure(400, parsed.error);
  const { items, raw } = parsed;
  if (items.length > limits.maxItemsPerBatch) {
    return failure(413, `batch has ${items.length} items; at most ${limits.maxItemsPerBatch} are accepted per request`, items.length);
  }
  const accepted: AcceptedItem[] = [];
  const errors: TrackItemError[] = [];
  items.forEach((item, index) => {
    if (item === UNPARSABLE) {
      errors.push({ index, statusCode: 400, message: 'line is not valid JSON: expected one envelope per line' });
      return;
    }
    const check = checkEnvelope(item);
    if (!check.ok) {
      errors.push({ index, statusCode: 400, message: check.message });
      return;
    }
    const json = raw?.[index] ?? serialise(check.envelope);
    if (json === undefined) errors.push({ index, statusCode: 400, message: 'item is nested too deeply to be stored' });
    else accepted.push({ json, request: check.request });
  });
  const response: TrackResponse = { itemsReceived: items.length, itemsAccepted: accepted.length, errors };
  const status = errors.length === 0 ? 200 : accepted.length > 0 ? 206 : 400;
  return { status, response, accepted };
}

function decode(body: Buffer, contentEncoding: string | undefined, maxDecodedBytes: number): string | TrackOutcome {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body.toString('utf8');
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    return failure(415, `content-encoding "${encoding.slice(0, 40)}" is not supported (use gzip or none)`);
  }
  try {
    return gunzipSync(body, { maxOutputLength: maxDecodedBytes }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return failure(413, `decompressed body exceeds ${maxDecodedBytes} bytes`);
    return failure(400, 'body is not valid gzip data');
  }
}

/** The items of a body, with the text each was sent as when it can be stored as is (see rawArrayItems). */
interface ParsedItems {
  readonly items: unknown[];
  readonly raw: readonly (string | undefined)[] | undefined;
}

function parseItems(text: string): ParsedItems | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'body is empty: expected a JSON array of envelopes' };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return { items: parsed, raw: rawArrayItems(trimmed, parsed.length) };
    return { items: [parsed], raw: undefined };
  } catch {
    // Not one JSON document: the track API also takes one envelope per line.
  }
  const lines = trimmed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length < 2) return { error: 'body is not valid JSON: expected a JSON array of envelopes' };
  const items = lines.map((line): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return UNPARSABLE;
    }
  });
  if (items.every((item) => item === UNPARSABLE)) return { error: 'body is not valid JSON: expected a JSON array of envelopes' };
  // A line holds one envelope: its text is already the one-line JSON to store ("\r" of CRLF trimmed).
  return { items, raw: lines };
}

function serialise(envelope: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(envelope);
  } catch {
    return undefined;
  }
}

function failure(status: 400 | 413 | 415, message: string, itemsReceived = 0): TrackOutcome {
  return { status, response: batchFailure(itemsReceived, status, message), accepted: [] };
}
