import { TrackBodyError, TrackLimitError } from '../errors';
import { decodeBody } from './body-decoder';
import { scanBody } from './body-layout';
import { checkEnvelope } from './envelope-validator';
import { trackLimitError, type TrackLimits } from './track-limits';
import { batchFailure, type TrackItemError, type TrackResponse } from './track-response';

/** Stands for a line of newline-delimited JSON that does not parse: that item alone is rejected. */
const UNPARSABLE: unique symbol = Symbol('unparsable');

export interface AcceptedItem {
  /** The envelope as JSON, on one line: its text as sent when possible, else serialised here (so storing it cannot fail later). */
  readonly json: string;
  /** The parsed envelope, for the row it is stored as. */
  readonly envelope: Record<string, unknown>;
}

/** What to answer, and what to store before answering (nothing is stored on a 4xx batch). */
export interface TrackOutcome {
  readonly status: 200 | 206 | 400 | 413 | 415;
  readonly response: TrackResponse;
  readonly accepted: readonly AcceptedItem[];
}

/**
 * Decodes and checks one POST /v2.1/track body: JSON array, single envelope or
 * newline-delimited JSON, optionally gzip- or deflate-encoded. Each bound in `limits` is
 * enforced before the work it bounds (decoded size while inflating, items and JSON values by
 * a scan before parsing), so an oversized body costs the collector no more than the bound.
 * Malformed items are rejected one by one (400 each, with the rule they break) and the rest
 * accepted: 200 when all were, 206 when some were, 400 when none could be. Never throws on bad input.
 */
export async function processTrackBatch(body: Buffer, contentEncoding: string | undefined, limits: TrackLimits): Promise<TrackOutcome> {
  try {
    if (body.length > limits.maxBodyBytes) throw trackLimitError('maxBodyBytes', limits.maxBodyBytes);
    const text = (await decodeBody(body, contentEncoding, limits.maxDecodedBytes)).toString('utf8');
    return checkItems(parseItems(text, limits));
  } catch (error) {
    if (error instanceof TrackLimitError) return failure(413, error.message);
    if (error instanceof TrackBodyError) return failure(error.status, error.message);
    throw error;
  }
}

function checkItems({ items, raw }: ParsedItems): TrackOutcome {
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
    else accepted.push({ json, envelope: check.envelope });
  });
  const response: TrackResponse = { itemsReceived: items.length, itemsAccepted: accepted.length, errors };
  const status = errors.length === 0 ? 200 : accepted.length > 0 ? 206 : 400;
  return { status, response, accepted };
}

/** The items of a body, with the text each was sent as when it can be stored as is. */
interface ParsedItems {
  readonly items: unknown[];
  readonly raw: readonly (string | undefined)[] | undefined;
}

/** Parses a body only once scanBody has found it within the limits; throws TrackLimitError or TrackBodyError. */
function parseItems(text: string, limits: TrackLimits): ParsedItems {
  const layout = scanBody(text, limits);
  switch (layout.kind) {
    case 'over':
      throw layout.error;
    case 'empty':
      throw new TrackBodyError('ERR_BODY_INVALID', 400, 'body is empty: expected a JSON array of envelopes');
    case 'array': {
      const parsed = parseWhole(text);
      const items = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
      // The scan's element texts are the items as sent; one that spans lines cannot be stored as is.
      const raw = layout.elements.length === items.length ? layout.elements.map(singleLine) : undefined;
      return { items, raw };
    }
    case 'value':
      return { items: [parseWhole(text)], raw: undefined };
    case 'lines':
      return parseLines(layout.lines);
  }
}

function parseLines(lines: readonly string[]): ParsedItems {
  if (lines.length < 2) return { items: [parseWhole(lines[0] ?? '')], raw: undefined };
  const items = lines.map((line): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return UNPARSABLE;
    }
  });
  if (items.every((item) => item === UNPARSABLE)) throw invalidJson('no line is one JSON envelope');
  // A line holds one envelope: its text is already the one-line JSON to store.
  return { items, raw: lines };
}

function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidJson((error as Error).message);
  }
}

/** The 400 for a body that is not JSON; `detail` says where (V8 names the position). */
function invalidJson(detail: string): TrackBodyError {
  return new TrackBodyError('ERR_BODY_INVALID', 400, `body is not valid JSON (${detail}): expected a JSON array of envelopes`);
}

function singleLine(raw: string): string | undefined {
  return raw.includes('\n') || raw.includes('\r') ? undefined : raw;
}

function serialise(envelope: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(envelope);
  } catch {
    return undefined;
  }
}

function failure(status: 400 | 413 | 415, message: string): TrackOutcome {
  return { status, response: batchFailure(0, status, message), accepted: [] };
}
