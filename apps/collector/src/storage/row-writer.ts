import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { OTHER_ITEMS_TABLE, quoteIdentifier } from './database-schema';
import { type TelemetryRow } from './telemetry-row';
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

/** Inserts rows through statements prepared once; the caller owns the transaction. */
export class RowWriter {
  private readonly inserts: Readonly<Record<TelemetryTableName, StatementSync>>;
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
    this.inserts[row.table].run(row.values);
    counts[row.table] += 1;
  }
}

function insertStatement(db: DatabaseSync, table: TelemetryTableName): StatementSync {
  const names = storedColumns(table).map(({ name }) => name);
  return db.prepare(
    `INSERT INTO ${table} (${names.map(quoteIdentifier).join(', ')}) VALUES (${names.map((name) => `$${name}`).join(', ')})`,
  );
}
