/** A line of the previous storage's segment files (imported into the database at open): received time plus the envelope as sent. */
export interface StoredItem {
  /** Epoch milliseconds at which the collector acknowledged it. */
  readonly receivedAt: number;
  readonly envelope: Record<string, unknown>;
}
