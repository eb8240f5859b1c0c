import { join } from 'node:path';

/** The database file in DATA_DIR (its WAL and shared-memory files beside it, `-wal` and `-shm`). */
export const DATABASE_FILE = 'telemetry.sqlite';
/** Sub-folder of DATA_DIR where the previous storage kept its JSON-lines segment files. */
export const LEGACY_SEGMENTS_DIR = 'segments';

/** What the store keeps in DATA_DIR (the database, its WAL and shared-memory files, segments not yet imported): removing them all starts afresh. */
export function telemetryStoragePaths(dataDir: string): string[] {
  const database = join(dataDir, DATABASE_FILE);
  return [database, `${database}-wal`, `${database}-shm`, join(dataDir, LEGACY_SEGMENTS_DIR)];
}
