/** Oldest rows are deleted while the database and its WAL hold more than this. */
export const DEFAULT_RETENTION_MAX_BYTES = 512 * 1024 * 1024;
/** Rows whose `timestamp` is older than this many days are deleted (Application Insights keeps 90 by default). */
export const DEFAULT_RETENTION_DAYS = 30;
/** Bounds of RETENTION_DAYS: a typo cannot mean "never delete" nor "delete everything". */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/** Rows deleted per table and per transaction by retention, so one sweep step stays short. */
export const RETENTION_BATCH_ROWS = 5_000;
/** Past the size bound, retention deletes down to this much below it, so that it does not run at every commit. */
export const RETENTION_HEADROOM = 0.05;
/** How often the age bound is applied while the collector runs (it is also applied at open). */
export const AGE_SWEEP_INTERVAL_MS = 10 * 60_000;
/** The WAL file is truncated back to this after a checkpoint (SQLite's journal_size_limit). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/** Prepared scan statements kept per shape (columns, keys, bounds); past it the cache starts over. */
export const MAX_CACHED_SCANS = 64;
/** Rows a scan reads per statement call: large enough to amortise the call, small enough to hold lightly. */
export const SCAN_PAGE_ROWS = 4096;
/** Distinct strings the dictionary codes; past it, new values are stored as text (see string-dictionary.ts). */
export const MAX_DICTIONARY_STRINGS = 65_536;
/** Longer strings are stored as text: a dictionary is for short, repeated values. */
export const MAX_CODED_STRING_LENGTH = 256;

export interface StorageLimits {
  readonly retentionMaxBytes: number;
  readonly retentionDays: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  retentionMaxBytes: DEFAULT_RETENTION_MAX_BYTES,
  retentionDays: DEFAULT_RETENTION_DAYS,
};
