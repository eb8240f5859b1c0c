/** Bounded export queue: past it the SDK drops spans, so it is sized well above a 1 s burst. */
export const DEFAULT_EXPORT_QUEUE_SIZE = 32_768;
/** Items per HTTP call to the ingestion endpoint (the SDK's own default). */
export const DEFAULT_EXPORT_BATCH_SIZE = 512;
/** How long an item may wait in the queue before it is sent (the SDK default is 5 s). */
export const DEFAULT_EXPORT_DELAY_MS = 1_000;

/** Items the request thread gathers before handing them to the exporter thread in one message. */
export const DEFAULT_HANDOFF_BATCH_ITEMS = 128;
/** How long a gathered item may wait for its batch to fill before it is handed over anyway. */
export const DEFAULT_HANDOFF_DELAY_MS = 20;
/**
 * Items handed over but not yet taken in by the SDK. Past it new items are dropped and counted
 * (and said on stderr): a stalled exporter thread must not grow the service's memory without bound.
 */
export const DEFAULT_HANDOFF_BACKLOG = 65_536;
/**
 * Items the exporter thread gives the SDK between two flushes: a quarter of its queue, so the
 * SDK's batch processor (which drops silently when full) never overflows.
 */
export const DEFAULT_SDK_WINDOW = DEFAULT_EXPORT_QUEUE_SIZE / 4;
