/** Largest request body accepted on the wire (compressed or not); past it the answer is 413. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Largest body once gunzipped: bounds what a small gzip "bomb" can make the collector hold. */
export const DEFAULT_MAX_DECODED_BYTES = 64 * 1024 * 1024;
/** Most items in one batch (the SDK sends at most 512). */
export const DEFAULT_MAX_ITEMS_PER_BATCH = 10_000;

export interface TrackLimits {
  readonly maxBodyBytes: number;
  readonly maxDecodedBytes: number;
  readonly maxItemsPerBatch: number;
}

export const DEFAULT_TRACK_LIMITS: TrackLimits = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxDecodedBytes: DEFAULT_MAX_DECODED_BYTES,
  maxItemsPerBatch: DEFAULT_MAX_ITEMS_PER_BATCH,
};
