import { type RequestRow } from '../ingest/stored-item';
import { type StringPool } from './string-pool';

/** The row as the store keeps it: its repeated strings shared through the pool. */
export function pooledRow(row: RequestRow, pool: StringPool): RequestRow {
  return {
    time: row.time,
    name: pool.intern(row.name),
    resultCode: pool.intern(row.resultCode),
    durationMs: row.durationMs,
    success: row.success,
    cloudRole: pool.intern(row.cloudRole),
    versionTag: pool.intern(row.versionTag),
  };
}
