import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { OTHER_ITEMS_TABLE, quoteIdentifier } from './database-schema';
import { type StoredValue, type TelemetryRow } from './telemetry-row';
import { storedColumns, type TelemetryTableName } from './telemetry-tables';

/** Rows written per table, as a write reports them (the store keeps counts without scanning). */
export interface WrittenCounts {
  requests: number;
  dependencies: number;
  otherItems: number;
}

export function emptyCounts(): WrittenCounts {
  return { requests: 0, dependencies: 0, otherItems: 0 };
}

export function countsTotal(counts: WrittenCounts): number {
  return counts.requests + counts.dependencies + counts.otherItems;
}

/** The rows the tables hold, counted once at open (the store keeps the counts up to date after). */
export function countRows(db: DatabaseSync): WrittenCounts {
  const count = (table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  return { requests: count('requests'), dependencies: count('dependencies'), otherItems: count(OTHER_ITEMS_TABLE) };
}

/** Inserts rows through statements prepared once; the caller owns the transaction. */
export class RowWriter {
  private readonly inserts: Readonly<Record<TelemetryTableName, { statement: StatementSync; columns: readonly string[] }>>;
  private readonly insertOther: StatementSync;

  constructor(db: DatabaseSync) {
    this.inserts = { requests: insertStatement(db, 'requests'), dependencies: insertStatement(db, 'dependencies') };
    this.insertOther = db.prepare(`INSERT INTO ${OTHER_ITEMS_TABLE} ("timestamp", "itemType", "envelope") VALUES (?, ?, ?)`);
  }

  write(row: TelemetryRow, counts: WrittenCounts): void {
    if (row.table === 'other_items') {
      this.insertOther.run(row.timestamp, row.itemType, row.envelope);
      counts.otherItems += 1;
      return;
    }
    const { statement, columns } = this.inserts[row.table];
    const values: StoredValue[] = [];
    for (const column of columns) values.push(row.values[column] ?? null);
    statement.run(...values);
    counts[row.table] += 1;
  }
}

/** Positional parameters: node:sqlite binds an object of named ones several times slower. */
function insertStatement(db: DatabaseSync, table: TelemetryTableName): { statement: StatementSync; columns: readonly string[] } {
  const columns = storedColumns(table);
  const statement = db.prepare(
    `INSERT INTO ${table} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return { statement, columns };
}
