/** A line of the previous storage's segment files (imported into the database at open): received time plus the envelope as sent. */
export interface StoredItem {
  /** Epoch milliseconds at which the collector acknowledged it. */
  readonly receivedAt: number;
  readonly envelope: Record<string, unknown>;
}

/** A stored request reduced to what the requests summary reads, streamed from the database. */
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
