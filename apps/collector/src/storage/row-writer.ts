import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { OTHER_ITEMS_TABLE, quoteIdentifier } from './database-schema';
import { type StoredValue, type TelemetryRow } from './telemetry-row';
import { StringEncoder } from './string-dictionary';
import { CODED_COLUMNS, storedColumns, type TelemetryTableName } from './telemetry-tables';

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

/**
 * Inserts rows through statements prepared once, the coded columns' strings as dictionary codes. The
 * caller owns the transaction, and calls `rolledBack` after a rollback.
 */
export class RowWriter {
  private readonly inserts: Readonly<Record<TelemetryTableName, TableInsert>>;
  private readonly insertOther: StatementSync;
  private readonly strings: StringEncoder;

  constructor(db: DatabaseSync) {
    this.inserts = { requests: insertStatement(db, 'requests'), dependencies: insertStatement(db, 'dependencies') };
    this.strings = new StringEncoder(db);
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
    for (const { name, coded } of columns) {
      const value = row.values[name] ?? null;
      values.push(coded && typeof value === 'string' ? this.strings.encode(value) : value);
    }
    statement.run(...values);
    counts[row.table] += 1;
  }

  /** The transaction that wrote is rolled back: the codes it added must not be used. */
  rolledBack(): void {
    this.strings.reload();
  }
}

interface TableInsert {
  readonly statement: StatementSync;
  readonly columns: readonly { readonly name: string; readonly coded: boolean }[];
}

/** Positional parameters: node:sqlite binds an object of named ones several times slower. */
function insertStatement(db: DatabaseSync, table: TelemetryTableName): TableInsert {
  const names = storedColumns(table);
  const statement = db.prepare(
    `INSERT INTO ${table} (${names.map(quoteIdentifier).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  return { statement, columns: names.map((name) => ({ name, coded: CODED_COLUMNS[table].has(name) })) };
}
