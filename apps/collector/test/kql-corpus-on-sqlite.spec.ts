import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseSync } from 'node:sqlite';
import { runQuery } from '@mirrormesh/kql';
import { corpusCases } from '../../../libs/kql/test/corpus/queries';
import { resultDifference } from '../../../libs/kql/test/corpus/result-compare';
import { type JsonObject } from '../../../libs/kql/test/corpus/telemetry-schemas';
import { NOW, telemetrySet } from '../../../libs/kql/test/corpus/telemetry-set';
import { openDatabase } from '../src/storage/database-schema';
import { RowWriter, emptyCounts } from '../src/storage/row-writer';
import { SqliteTableSource } from '../src/storage/sqlite-table-source';
import { promotedValues, type StoredValue } from '../src/storage/telemetry-row';
import { DATABASE_FILE } from '../src/storage/storage-files';
import { CONSTANT_COLUMNS, TELEMETRY_TABLE_BY_NAME, type TelemetryTableName } from '../src/storage/telemetry-tables';

// The KQL corpus (libs/kql/test/corpus: 58 queries, each answer computed independently in plain
// TypeScript) asked of the collector's own storage: the same rows written to the SQLite tables as the
// collector writes them, read by SqliteTableSource through small pages, so promoted dimensions,
// key extraction, time bounds and the cursor all meet every query.
const set = telemetrySet();
let dir: string;
let db: DatabaseSync;
let source: SqliteTableSource;

/** A corpus row as the collector stores it: bools as 0/1, dynamic as JSON text, the promoted dimensions beside. */
function storedRow(table: TelemetryTableName, row: Readonly<Record<string, unknown>>): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  for (const { name, type } of TELEMETRY_TABLE_BY_NAME[table].columns) {
    if (CONSTANT_COLUMNS[table][name] !== undefined) continue;
    const value = row[name];
    values[name] =
      value === null || value === undefined
        ? null
        : type === 'bool'
          ? Number(value)
          : type === 'dynamic'
            ? JSON.stringify(value)
            : (value as string | number);
  }
  return { ...values, ...promotedValues((row['customDimensions'] as JsonObject | null) ?? undefined) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mirrormesh-corpus-'));
  db = openDatabase(join(dir, DATABASE_FILE));
  const writer = new RowWriter(db);
  const counts = emptyCounts();
  db.exec('BEGIN');
  for (const row of set.requests) writer.write({ table: 'requests', values: storedRow('requests', row) }, counts);
  for (const row of set.dependencies) writer.write({ table: 'dependencies', values: storedRow('dependencies', row) }, counts);
  db.exec('COMMIT');
  // Pages of 7 rows: every scan crosses dozens of page boundaries.
  source = new SqliteTableSource(db, 7);
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the KQL corpus over the collector’s SQLite storage', () => {
  it.each(corpusCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const actual = await runQuery(c.query, source, { now: () => NOW });
    expect(resultDifference(actual, c.expected(set), c)).toBeUndefined();
  });
});
