import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { TableScanError } from '../errors';
import { scanStatement, type CellReader, type ScanStatement } from './scan-statement';
import { StringDecoder } from './string-dictionary';
import { MAX_CACHED_SCANS, SCAN_PAGE_ROWS } from './storage-limits';
import { type Cell, type JsonValue, type ScanRequest, type TableSchema, type TableSource } from '@mirrormesh/kql';
import { TELEMETRY_TABLES, TELEMETRY_TABLE_BY_NAME, type TelemetryTableName } from './telemetry-tables';

/**
 * The collector's telemetry tables as the KQL engine reads them: only the columns a query reads,
 * only the keys it reads of a dynamic column, only the time range it bounds, streamed row by row.
 */
export class SqliteTableSource implements TableSource {
  private readonly statements = new Map<string, StatementSync>();
  private readonly strings: StringDecoder;

  constructor(
    private readonly db: DatabaseSync,
    /** Rows read per statement call (tests make it small to cross pages). */
    private readonly pageRows = SCAN_PAGE_ROWS,
  ) {
    this.strings = new StringDecoder(db);
  }

  tables(): readonly TableSchema[] {
    return TELEMETRY_TABLES;
  }

  scan(table: string, request: ScanRequest): Iterable<readonly Cell[]> {
    if (!Object.hasOwn(TELEMETRY_TABLE_BY_NAME, table)) {
      throw new TableScanError(`no table ${JSON.stringify(table)}: the tables are ${TELEMETRY_TABLES.map((t) => t.name).join(', ')}`);
    }
    // Built (and checked) now, so a bad request throws at the call, not at the first row.
    const scan = scanStatement(table as TelemetryTableName, request);
    // Inside a read transaction, every code a row of this scan holds is known from here on.
    this.strings.refresh();
    return scan.asStored ? this.storedRows(scan) : this.keyedRows(scan);
  }

  /** Every column one cell: the SQL row, cut to the cells and decoded in place, is the row. */
  private *storedRows(scan: ScanStatement): Generator<readonly Cell[]> {
    const width = scan.cells.length;
    const decoded = scan.cells.filter((cell): cell is SingleCellReader => cell.kind !== 'keys' && cell.kind !== 'plain');
    const strings = this.strings;
    for (const row of this.pages(scan)) {
      row.length = width;
      for (const { kind, at } of decoded) {
        const value = row[at];
        if (value === null || value === undefined) continue;
        if (kind === 'coded') row[at] = strings.text(value as string | number);
        else row[at] = kind === 'bool' ? value !== 0 : (JSON.parse(value as string) as JsonValue);
      }
      yield row;
    }
  }

  /** A dynamic column read by keys: the row is rebuilt, each keyed column an object of its keys. */
  private *keyedRows(scan: ScanStatement): Generator<readonly Cell[]> {
    const width = scan.cells.length;
    const strings = this.strings;
    for (const sqlRow of this.pages(scan)) {
      const row = new Array<Cell>(width);
      for (let index = 0; index < width; index += 1) {
        const cell = scan.cells[index]!;
        if (cell.kind === 'keys') {
          const object: Record<string, JsonValue> = {};
          for (const { key, at } of cell.keys) object[key] = strings.json(sqlRow[at] as string | number | null);
          row[index] = object;
          continue;
        }
        const value = sqlRow[cell.at] ?? null;
        if (value === null || cell.kind === 'plain') row[index] = value;
        else if (cell.kind === 'coded') row[index] = strings.text(value as string | number);
        else row[index] = cell.kind === 'bool' ? value !== 0 : strings.json(value as string);
      }
      yield row;
    }
  }

  /**
   * The scan's SQL rows (cells, then the cursor), page by page: node:sqlite builds a page's rows in
   * one call, a third cheaper per row than stepping a cursor, and no statement stays open between
   * pages, so scans may nest. A reader that needs one snapshot across pages holds a read transaction.
   */
  private *pages(scan: ScanStatement): Generator<Cell[]> {
    const statement = this.statement(scan.sql);
    let cursor: (string | number)[] = scan.cursorWidth === 1 ? [BEFORE_FIRST] : [BEFORE_FIRST, BEFORE_FIRST];
    for (;;) {
      const rows = statement.all(...scan.params, ...cursor, this.pageRows) as unknown as Cell[][];
      const last = rows[rows.length - 1];
      if (last === undefined) return;
      cursor = last.slice(last.length - scan.cursorWidth) as number[];
      yield* rows;
      if (rows.length < this.pageRows) return;
    }
  }

  private statement(sql: string): StatementSync {
    const cached = this.statements.get(sql);
    if (cached !== undefined) return cached;
    const statement = this.db.prepare(sql);
    statement.setReturnArrays(true);
    if (this.statements.size >= MAX_CACHED_SCANS) this.statements.clear();
    this.statements.set(sql, statement);
    return statement;
  }
}

/** Below every rowid and timestamp: the cursor of the first page. */
const BEFORE_FIRST = Number.MIN_SAFE_INTEGER;

type SingleCellReader = Extract<CellReader, { kind: 'plain' | 'bool' | 'json' | 'coded' }>;
