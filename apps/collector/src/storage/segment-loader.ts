import { readFile, stat } from 'node:fs/promises';
import { requestRowOf } from '../ingest/envelope-validator';
import { type RequestRow, type StoredItem } from '../ingest/stored-item';
import { pooledRow } from './pooled-row';
import { type StringPool } from './string-pool';

/** One segment file as the store tracks it: size, item count and its request rows. */
export interface Segment {
  readonly sequence: number;
  bytes: number;
  items: number;
  readonly requests: RequestRow[];
}

/**
 * Reads a segment back. A line that does not parse is skipped and counted: only the last line
 * of a segment can be torn (by a crash mid-write), and that write was never acknowledged.
 */
export async function loadSegment(path: string, sequence: number, pool: StringPool): Promise<{ segment: Segment; skippedLines: number }> {
  const text = await readFile(path, 'utf8');
  const segment: Segment = { sequence, bytes: (await stat(path)).size, items: 0, requests: [] };
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const stored = JSON.parse(line) as StoredItem;
      segment.items += 1;
      const row = requestRowOf(stored.envelope);
      if (row !== undefined) segment.requests.push(pooledRow(row, pool));
    } catch {
      skippedLines += 1;
    }
  }
  return { segment, skippedLines };
}
