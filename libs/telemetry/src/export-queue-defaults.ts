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
 * Items handed over but not yet taken in by the SDK (about 2 s of a busy service). Past it new
 * items are dropped and counted (and said on stderr): an exporter thread that cannot keep pace
 * must not grow the service's memory without bound.
 */
export const DEFAULT_HANDOFF_BACKLOG = 16_384;
/**
 * Items the exporter thread gives the SDK between two flushes: four export batches, far below its
 * queue (whose batch processor drops silently when full). A larger window only holds more spans:
 * 8,192 made the service's resident memory reach 350 MiB at 8,000 requests per second.
 */
export const DEFAULT_SDK_WINDOW = 4 * DEFAULT_EXPORT_BATCH_SIZE;
/**
 * The exporter thread's V8 heap bounds. Without them V8 sizes the worker's heap after the machine's
 * memory and collects lazily (hundreds of MiB); with them it stays near 70 MiB at 8,000 items per
 * second, and the hand-off backlog keeps its live data far below the limit.
 */
export const EXPORTER_THREAD_MAX_OLD_GENERATION_MB = 96;
export const EXPORTER_THREAD_MAX_YOUNG_GENERATION_MB = 16;
/**
 * The exporter thread's default nice value: the same priority as requests. Measured on 2 cores
 * under full load: at 10 the service kept more throughput but dropped 15 % of its items (the
 * thread fell behind); at 0 it kept 0.81 × its throughput without telemetry and lost nothing.
 */
export const DEFAULT_EXPORTER_NICE = 0;
