/** Bounded export queue: past it the SDK drops spans, so it is sized well above a 1 s burst. */
export const DEFAULT_EXPORT_QUEUE_SIZE = 32_768;
/** Items per HTTP call to the ingestion endpoint (the SDK's own default). */
export const DEFAULT_EXPORT_BATCH_SIZE = 512;
/** How long an item may wait in the queue before it is sent (the SDK default is 5 s). */
export const DEFAULT_EXPORT_DELAY_MS = 1_000;
