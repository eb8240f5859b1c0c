/** A segment file is closed and a new one started past this size. */
export const DEFAULT_SEGMENT_MAX_BYTES = 16 * 1024 * 1024;
/** Oldest segments are deleted while the data directory holds more than this. */
export const DEFAULT_RETENTION_MAX_BYTES = 512 * 1024 * 1024;

export interface StorageLimits {
  readonly segmentMaxBytes: number;
  readonly retentionMaxBytes: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  segmentMaxBytes: DEFAULT_SEGMENT_MAX_BYTES,
  retentionMaxBytes: DEFAULT_RETENTION_MAX_BYTES,
};
