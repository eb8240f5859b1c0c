/** One accepted envelope as kept on disk: received time plus the envelope exactly as sent. */
export interface StoredItem {
  /** Epoch milliseconds at which the collector acknowledged it. */
  readonly receivedAt: number;
  readonly envelope: Record<string, unknown>;
}

/**
 * A request item reduced to what the queries read: rows stay in memory for every retained
 * segment, so they carry nothing more (the envelope itself is on disk).
 */
export interface RequestRow {
  /** Epoch milliseconds of the item's `time` (when the request started). */
  readonly time: number;
  readonly name: string;
  readonly resultCode: string;
  readonly durationMs: number;
  readonly success: boolean;
  readonly cloudRole: string | undefined;
  /** The item's `VersionTag` custom dimension. */
  readonly versionTag: string | undefined;
}
