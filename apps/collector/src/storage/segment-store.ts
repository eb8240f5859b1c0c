import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { StorageWriteError } from '../errors';
import { type RequestRow } from '../ingest/stored-item';
import { type AcceptedItem } from '../ingest/track-batch';
import { listSegments, segmentPath, syncDirectory } from './segment-files';
import { pooledRow } from './pooled-row';
import { loadSegment, type Segment } from './segment-loader';
import { DEFAULT_STORAGE_LIMITS, type StorageLimits } from './storage-limits';
import { StringPool } from './string-pool';

interface PendingAppend {
  readonly items: readonly AcceptedItem[];
  readonly receivedAt: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface StoreStats {
  readonly segments: number;
  readonly bytes: number;
  readonly items: number;
  readonly requests: number;
  /** Lines found unreadable on load (a write cut short by a crash, never acknowledged). */
  readonly skippedLines: number;
}

/**
 * Append-only JSON-lines segment files. `append` resolves only once the lines are written
 * and fsynced, so an item acknowledged after it is never lost; writes are serialised.
 * Bounded: segments rotate by size and the oldest are deleted past the retention size.
 * Request rows are kept in memory for the queries (small, their repeated strings shared) and
 * rebuilt from the files on open.
 */
export class SegmentStore {
  private current: { segment: Segment; handle: FileHandle } | undefined;
  private pending: PendingAppend[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly limits: StorageLimits,
    private readonly segments: Segment[],
    private readonly skippedLines: number,
    private readonly pool: StringPool,
  ) {}

  static async open(dir: string, limits: StorageLimits = DEFAULT_STORAGE_LIMITS): Promise<SegmentStore> {
    await mkdir(dir, { recursive: true });
    const segments: Segment[] = [];
    const pool = new StringPool();
    let skipped = 0;
    for (const sequence of await listSegments(dir)) {
      const loaded = await loadSegment(segmentPath(dir, sequence), sequence, pool);
      segments.push(loaded.segment);
      skipped += loaded.skippedLines;
    }
    return new SegmentStore(dir, limits, segments, skipped, pool);
  }

  /**
   * Writes the items durably; rejects with StorageWriteError (nothing may be acknowledged then).
   * Appends arriving while a write is syncing are grouped into the next write: one fsync for
   * all of them (group commit), so concurrent batches do not queue one fsync each.
   */
  append(items: readonly AcceptedItem[], receivedAt: number = Date.now()): Promise<void> {
    if (this.closed) return Promise.reject(new StorageWriteError('the store is closed'));
    if (items.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ items, receivedAt, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Every stored request row, oldest segment first. */
  *requests(): Iterable<RequestRow> {
    for (const segment of this.segments) yield* segment.requests;
  }

  stats(): StoreStats {
    let bytes = 0;
    let items = 0;
    let requests = 0;
    for (const segment of this.segments) {
      bytes += segment.bytes;
      items += segment.items;
      requests += segment.requests.length;
    }
    return { segments: this.segments.length, bytes, items, requests, skippedLines: this.skippedLines };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.draining;
    await this.current?.handle.close();
    this.current = undefined;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0);
      try {
        await this.write(group);
        for (const append of group) append.resolve();
      } catch (error) {
        for (const append of group) append.reject(error);
      }
    }
    this.draining = undefined;
  }

  private async write(group: readonly PendingAppend[]): Promise<void> {
    const lines: string[] = [];
    for (const { items, receivedAt } of group) {
      // The StoredItem shape, built around each envelope's one-line JSON (its text as sent, or serialised when checked).
      for (const item of items) lines.push(`{"receivedAt":${receivedAt},"envelope":${item.json}}`);
    }
    const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
    try {
      const target = await this.writableSegment(data.length);
      await target.handle.write(data);
      await target.handle.datasync();
      target.segment.bytes += data.length;
      target.segment.items += lines.length;
      for (const { items } of group) {
        for (const item of items) if (item.request !== undefined) target.segment.requests.push(pooledRow(item.request, this.pool));
      }
    } catch (error) {
      // A failed or partial write leaves the segment in doubt: later batches go to a new one.
      await this.current?.handle.close().catch(() => undefined);
      this.current = undefined;
      throw new StorageWriteError(`could not write to ${this.dir}: ${(error as Error).message}`);
    }
  }

  private async writableSegment(incoming: number): Promise<{ segment: Segment; handle: FileHandle }> {
    const current = this.current;
    if (current !== undefined && (current.segment.bytes === 0 || current.segment.bytes + incoming <= this.limits.segmentMaxBytes)) {
      return current;
    }
    await current?.handle.close();
    // A new segment per start and per rotation: never append after a possibly torn last line.
    const sequence = (this.segments.at(-1)?.sequence ?? 0) + 1;
    const handle = await open(segmentPath(this.dir, sequence), 'wx');
    await syncDirectory(this.dir);
    const segment: Segment = { sequence, bytes: 0, items: 0, requests: [] };
    this.segments.push(segment);
    this.current = { segment, handle };
    await this.enforceRetention(incoming);
    return this.current;
  }

  private async enforceRetention(incoming: number): Promise<void> {
    let total = incoming + this.segments.reduce((sum, segment) => sum + segment.bytes, 0);
    while (total > this.limits.retentionMaxBytes && this.segments.length > 1) {
      const oldest = this.segments.shift();
      if (oldest === undefined) break;
      await unlink(segmentPath(this.dir, oldest.sequence));
      total -= oldest.bytes;
    }
    await syncDirectory(this.dir);
  }
}
