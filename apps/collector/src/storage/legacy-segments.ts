import { readFile, rmdir, unlink } from 'node:fs/promises';
import { type DatabaseSync } from 'node:sqlite';
import { IMPORTED_SEGMENTS_TABLE } from './database-schema';
import { emptyCounts, type RowWriter, type WrittenCounts } from './row-writer';
import { listSegments, segmentFileName, segmentPath, syncDirectory } from './segment-files';
import { telemetryRowOf } from './telemetry-row';

export interface SegmentImport {
  readonly files: number;
  readonly rows: WrittenCounts;
  /** Lines that did not parse: a write cut short by a crash, never acknowledged. */
  readonly skippedLines: number;
}

/**
 * Imports the segment files of the previous storage (`{"receivedAt":…,"envelope":{…}}` per line) in
 * one transaction, then removes them. Each file's name is recorded in the same transaction, so a
 * crash between the commit and the removal never imports a file twice. Throws (nothing imported) on
 * a file it cannot read.
 */
export async function importLegacySegments(db: DatabaseSync, writer: RowWriter, dir: string): Promise<SegmentImport> {
  let sequences: number[];
  try {
    sequences = await listSegments(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: 0, rows: emptyCounts(), skippedLines: 0 };
    throw error;
  }
  const seen = db.prepare(`SELECT 1 FROM ${IMPORTED_SEGMENTS_TABLE} WHERE "name" = ?`);
  const record = db.prepare(`INSERT INTO ${IMPORTED_SEGMENTS_TABLE} ("name") VALUES (?)`);
  const rows = emptyCounts();
  let skippedLines = 0;
  let files = 0;
  // Nothing else uses the database while it opens: the transaction may span the file reads.
  db.exec('BEGIN');
  try {
    for (const sequence of sequences) {
      const name = segmentFileName(sequence);
      if (seen.get(name) !== undefined) continue;
      skippedLines += importLines(await readFile(segmentPath(dir, sequence), 'utf8'), writer, rows);
      record.run(name);
      files += 1;
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    writer.rolledBack();
    throw error;
  }
  for (const sequence of sequences) await unlink(segmentPath(dir, sequence));
  await syncDirectory(dir);
  await rmdir(dir).catch(() => undefined);
  return { files, rows, skippedLines };
}

/** Writes the items of one segment's text; returns the lines skipped. */
function importLines(text: string, writer: RowWriter, rows: WrittenCounts): number {
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let envelope: unknown;
    try {
      envelope = (JSON.parse(line) as { envelope?: unknown }).envelope;
    } catch {
      envelope = undefined;
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      skipped += 1;
      continue;
    }
    writer.write(telemetryRowOf(envelope as Record<string, unknown>, JSON.stringify(envelope)), rows);
  }
  return skipped;
}
