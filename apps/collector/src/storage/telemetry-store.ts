import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type DatabaseSync } from 'node:sqlite';
import { Logger } from '@nestjs/common';
import { StorageOpenError, StorageWriteError } from '../errors';
import { type AcceptedItem } from '../ingest/track-batch';
import { openDatabase } from './database-schema';
import { importLegacySegments } from './legacy-segments';
import { deleteOldestUntil, deleteOlderThan, diskBytes, giveSpaceBack, usedBytes } from './retention';
import { countRows, countsTotal, emptyCounts, RowWriter, type WrittenCounts } from './row-writer';
import { DATABASE_FILE, LEGACY_SEGMENTS_DIR } from './storage-files';
import { SqliteTableSource } from './sqlite-table-source';
import { AGE_SWEEP_INTERVAL_MS, DEFAULT_STORAGE_LIMITS, RETENTION_BATCH_ROWS, type StorageLimits } from './storage-limits';
import { telemetryRowOf, type TelemetryRow } from './telemetry-row';

const DAY_MS = 86_400_000;

interface PendingAppend {
  readonly rows: readonly TelemetryRow[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface StoreStats {
  /** The database and its WAL on disk. */
  readonly bytes: number;
  readonly items: number;
  readonly requests: number;
  readonly dependencies: number;
  /** Traces, exceptions, metrics, events, …: kept as envelopes. */
  readonly otherItems: number;
  /** Segment files of the previous storage imported at this start, and their unreadable (torn) lines. */
  readonly importedSegments: number;
  readonly skippedLines: number;
  /** Transactions committed since open; fewer than the track batches acknowledged when commits were grouped. */
  readonly commits: number;
}

export interface StoreOptions {
  readonly limits?: StorageLimits;
  /** The clock of the age bound; injectable for tests. */
  readonly now?: () => number;
}

/**
 * Telemetry in an embedded SQLite database (node:sqlite). `append` resolves only once its rows are
 * committed (WAL, synchronous=FULL), so an acknowledged item survives a crash; appends that arrive
 * while one commits are grouped into the next transaction (group commit). Bounded by age and size,
 * oldest rows first. Nothing is held in memory per stored row: the queries read the database.
 */
export class TelemetryStore {
  readonly source: SqliteTableSource;
  private readonly writer: RowWriter;
  private readonly counts: WrittenCounts;
  private pending: PendingAppend[] = [];
  private scheduled = false;
  private commits = 0;
  private closed = false;
  private readonly ageSweep: NodeJS.Timeout;
  private readonly logger = new Logger('TelemetryStore');

  private constructor(
    private readonly db: DatabaseSync,
    private readonly databasePath: string,
    private readonly limits: StorageLimits,
    private readonly now: () => number,
    private readonly imported: { readonly files: number; readonly skippedLines: number },
  ) {
    this.writer = new RowWriter(db);
    this.source = new SqliteTableSource(db);
    this.counts = countRows(db);
    this.ageSweep = setInterval(() => this.retainQuietly(() => this.enforceRetention()), AGE_SWEEP_INTERVAL_MS);
    this.ageSweep.unref();
  }

  /** Opens (creating) `dataDir/telemetry.sqlite`, imports segment files of the previous storage, applies retention. */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<TelemetryStore> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, DATABASE_FILE);
    let db: DatabaseSync;
    try {
      db = openDatabase(path);
    } catch (error) {
      throw new StorageOpenError(`cannot open the database ${path}: ${(error as Error).message}`);
    }
    let store: TelemetryStore;
    try {
      const imported = await importLegacySegments(db, new RowWriter(db), join(dataDir, LEGACY_SEGMENTS_DIR));
      store = new TelemetryStore(db, path, options.limits ?? DEFAULT_STORAGE_LIMITS, options.now ?? Date.now, imported);
    } catch (error) {
      db.close();
      throw new StorageOpenError(`cannot open the database ${path}: ${(error as Error).message}`);
    }
    try {
      store.enforceRetention();
    } catch (error) {
      await store.close();
      throw new StorageOpenError(`cannot apply retention to ${path}: ${(error as Error).message}`);
    }
    return store;
  }

  /**
   * Commits the items; rejects with StorageWriteError when the commit fails (nothing may be
   * acknowledged then). Appends made in one turn of the event loop share one transaction and one
   * fsync: the commit blocks the loop, so the batches that arrive meanwhile form the next group.
   */
  append(items: readonly AcceptedItem[]): Promise<void> {
    if (this.closed) return Promise.reject(new StorageWriteError('the store is closed'));
    if (items.length === 0) return Promise.resolve();
    const rows = items.map((item) => telemetryRowOf(item.envelope, item.json));
    return new Promise((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.commitPending());
      }
    });
  }

  stats(): StoreStats {
    const { requests, dependencies, otherItems } = this.counts;
    return {
      bytes: diskBytes(this.databasePath, this.walPath()),
      items: requests + dependencies + otherItems,
      requests,
      dependencies,
      otherItems,
      importedSegments: this.imported.files,
      skippedLines: this.imported.skippedLines,
      commits: this.commits,
    };
  }

  /** Deletes rows past the age bound, then the oldest past the size bound, and gives the space back. */
  enforceRetention(): void {
    if (this.closed) return;
    const byAge = deleteOlderThan(this.db, this.now() - this.limits.retentionDays * DAY_MS, RETENTION_BATCH_ROWS);
    this.forget(byAge);
    const bySize = deleteOldestUntil(this.db, this.sizeBound());
    this.forget(bySize);
    if (countsTotal(byAge) + countsTotal(bySize) > 0) giveSpaceBack(this.db);
  }

  /** Commits what is pending, then closes the database (checkpointing the WAL into it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ageSweep);
    this.commitPending();
    // Let the appends' callers run before the handle goes.
    await new Promise((resolve) => setImmediate(resolve));
    this.db.close();
  }

  private commitPending(): void {
    this.scheduled = false;
    const group = this.pending.splice(0);
    if (group.length === 0) return;
    const written = emptyCounts();
    try {
      this.db.exec('BEGIN');
      for (const { rows } of group) for (const row of rows) this.writer.write(row, written);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.writer.rolledBack();
      const failure = new StorageWriteError(`could not commit to ${this.databasePath}: ${(error as Error).message}`);
      for (const append of group) append.reject(failure);
      return;
    }
    this.counts.requests += written.requests;
    this.counts.dependencies += written.dependencies;
    this.counts.otherItems += written.otherItems;
    this.commits += 1;
    for (const append of group) append.resolve();
    this.retainQuietly(() => {
      if (usedBytes(this.db, this.walPath()) > this.limits.retentionMaxBytes) this.applySizeBound();
    });
  }

  /** Retention runs after acknowledgements: a failure is logged and retried at the next commit or sweep. */
  private retainQuietly(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.logger.error(`retention failed on ${this.databasePath}: ${(error as Error).message}`);
    }
  }

  private applySizeBound(): void {
    const deleted = deleteOldestUntil(this.db, this.sizeBound());
    this.forget(deleted);
    if (countsTotal(deleted) > 0) giveSpaceBack(this.db);
  }

  private sizeBound(): { maxBytes: number; walPath: string; batchRows: number; rows: number } {
    return {
      maxBytes: this.limits.retentionMaxBytes,
      walPath: this.walPath(),
      batchRows: RETENTION_BATCH_ROWS,
      rows: countsTotal(this.counts),
    };
  }

  private forget(deleted: WrittenCounts): void {
    this.counts.requests -= deleted.requests;
    this.counts.dependencies -= deleted.dependencies;
    this.counts.otherItems -= deleted.otherItems;
  }

  private walPath(): string {
    return `${this.databasePath}-wal`;
  }
}
