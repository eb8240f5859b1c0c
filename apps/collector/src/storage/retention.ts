import { statSync } from 'node:fs';
import { type DatabaseSync } from 'node:sqlite';
import { OTHER_ITEMS_TABLE } from './database-schema';
import { emptyCounts, type WrittenCounts } from './row-writer';
import { RETENTION_HEADROOM } from './storage-limits';

/** The tables retention deletes from, with the count each one's deletions go to. */
const RETAINED_TABLES: readonly (readonly [table: string, counted: keyof WrittenCounts])[] = [
  ['requests', 'requests'],
  ['dependencies', 'dependencies'],
  [OTHER_ITEMS_TABLE, 'otherItems'],
];

/** Bytes the data takes: the database's pages in use (free pages are given back by vacuum) plus the WAL file. */
export function usedBytes(db: DatabaseSync, walPath: string): number {
  const pages = pragma(db, 'page_count') - pragma(db, 'freelist_count');
  return pages * pragma(db, 'page_size') + fileSize(walPath);
}

/** Bytes the database and its WAL take on disk. */
export function diskBytes(databasePath: string, walPath: string): number {
  return fileSize(databasePath) + fileSize(walPath);
}

/** Deletes every row whose timestamp is before `cutoff`, `batchRows` per table and transaction. */
export function deleteOlderThan(db: DatabaseSync, cutoff: number, batchRows: number): WrittenCounts {
  const deleted = emptyCounts();
  for (const [table, counted] of RETAINED_TABLES) {
    const statement = db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE "timestamp" < ? LIMIT ?)`);
    for (;;) {
      const changes = Number(statement.run(cutoff, batchRows).changes);
      deleted[counted] += changes;
      if (changes < batchRows) break;
    }
  }
  return deleted;
}

/**
 * Deletes the oldest rows (by timestamp, across the tables) while the data takes more than `maxBytes`,
 * down to `maxBytes` less the headroom (so that the next sweep is some way off), in steps of at most
 * `batchRows` rows per table, each its own transaction. `rows` is how many rows the tables hold: the
 * rows per step follow from the bytes to free at the average row size. Stops when nothing is left.
 */
export function deleteOldestUntil(
  db: DatabaseSync,
  bound: { maxBytes: number; walPath: string; batchRows: number; rows: number },
): WrittenCounts {
  const { maxBytes, walPath, batchRows } = bound;
  const deleted = emptyCounts();
  // Pages still in the WAL would count twice: fold them into the database first.
  checkpoint(db);
  let rows = bound.rows;
  for (let used = usedBytes(db, walPath); used > maxBytes && rows > 0; used = usedBytes(db, walPath)) {
    const excess = used - maxBytes * (1 - RETENTION_HEADROOM);
    const step = Math.min(batchRows, Math.max(1, Math.ceil((excess * rows) / used)));
    const cutoff = oldestBatchCutoff(db, step);
    if (cutoff === undefined) break;
    db.exec('BEGIN');
    try {
      for (const [table, counted] of RETAINED_TABLES) {
        const result = db
          .prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE "timestamp" <= ? ORDER BY "timestamp" LIMIT ?)`)
          .run(cutoff, step);
        deleted[counted] += Number(result.changes);
        rows -= Number(result.changes);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    checkpoint(db);
  }
  return deleted;
}

/** Returns freed pages to the file system and truncates the WAL. */
export function giveSpaceBack(db: DatabaseSync): void {
  db.exec('PRAGMA incremental_vacuum');
  checkpoint(db);
}

/**
 * The timestamp up to which one step deletes: the smallest, over the tables, of the timestamp of
 * each one's `batchRows`-th oldest row (its newest when it holds fewer). So every table loses at
 * most `batchRows` rows, and only rows older than every row kept elsewhere.
 */
function oldestBatchCutoff(db: DatabaseSync, batchRows: number): number | undefined {
  let cutoff: number | undefined;
  for (const [table] of RETAINED_TABLES) {
    const row = db
      .prepare(`SELECT max("timestamp") AS t FROM (SELECT "timestamp" FROM ${table} ORDER BY "timestamp" LIMIT ?)`)
      .get(batchRows) as { t: number | null } | undefined;
    const t = row?.t;
    if (typeof t === 'number' && (cutoff === undefined || t < cutoff)) cutoff = t;
  }
  return cutoff;
}

function checkpoint(db: DatabaseSync): void {
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

function pragma(db: DatabaseSync, name: string): number {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
  const value = row?.[name];
  return typeof value === 'number' ? value : 0;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
