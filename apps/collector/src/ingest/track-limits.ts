import { TrackLimitError } from '../errors';

// What one POST /v2.1/track may cost. The SDK (applicationinsights 3.x through @mirrormesh/telemetry)
// sends at most DEFAULT_EXPORT_BATCH_SIZE = 512 items per request, about 650 bytes and 27 JSON values
// each for a request envelope (324 KiB a batch). The bounds sit about 4x above that, and low enough that
// the costliest body they let through (one object of 65 536 distinct keys: JSON.parse's slowest shape
// per value) is scanned and parsed in 50-70 ms; nothing bigger is parsed at all.

/** Largest request body accepted on the wire (compressed or not): a body never decodes to much less than it is. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Largest body once decoded (gunzip, inflate), checked while inflating: bounds what a small "bomb" can make the collector hold. */
export const DEFAULT_MAX_DECODED_BYTES = 4 * 1024 * 1024;
/** Most items in one batch, counted before parsing (the SDK sends at most 512). */
export const DEFAULT_MAX_ITEMS_PER_BATCH = 2_048;
/**
 * Most JSON values (objects, arrays and members) in one body, counted before parsing: what
 * JSON.parse's time and memory grow with, whatever the item count (one item can hold a million
 * nested arrays). A 2048-item batch of SDK request envelopes holds about 56 000.
 */
export const DEFAULT_MAX_JSON_VALUES = 65_536;

export interface TrackLimits {
  readonly maxBodyBytes: number;
  readonly maxDecodedBytes: number;
  readonly maxItemsPerBatch: number;
  readonly maxJsonValues: number;
}

export const DEFAULT_TRACK_LIMITS: TrackLimits = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxDecodedBytes: DEFAULT_MAX_DECODED_BYTES,
  maxItemsPerBatch: DEFAULT_MAX_ITEMS_PER_BATCH,
  maxJsonValues: DEFAULT_MAX_JSON_VALUES,
};

/** The environment variable that sets each limit: 413 answers name it, so the operator knows what to raise. */
export const TRACK_LIMIT_SETTINGS: Readonly<Record<keyof TrackLimits, string>> = {
  maxBodyBytes: 'MAX_BODY_BYTES',
  maxDecodedBytes: 'MAX_DECODED_BYTES',
  maxItemsPerBatch: 'MAX_ITEMS_PER_BATCH',
  maxJsonValues: 'MAX_JSON_VALUES',
};

const EXCEEDED: Readonly<Record<keyof TrackLimits, (bound: number) => string>> = {
  maxBodyBytes: (bound) => `request body exceeds ${bound} bytes`,
  maxDecodedBytes: (bound) => `decoded body exceeds ${bound} bytes`,
  maxItemsPerBatch: (bound) => `batch has more than ${bound} items`,
  maxJsonValues: (bound) => `batch has more than ${bound} JSON values (objects, arrays and members)`,
};

/** The 413 for `limit`: says what was over which bound, and the setting that raises it. */
export function trackLimitError(limit: keyof TrackLimits, bound: number): TrackLimitError {
  const setting = TRACK_LIMIT_SETTINGS[limit];
  return new TrackLimitError(setting, bound, `${EXCEEDED[limit](bound)} (${setting}); nothing was stored`);
}
