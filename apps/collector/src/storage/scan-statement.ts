import { TableScanError } from '../errors';
import { quoteIdentifier } from './database-schema';
import { CODED_COLUMNS, PROMOTED_DIMENSIONS, TELEMETRY_TABLE_BY_NAME, promotedColumn, type TelemetryTableName } from './telemetry-tables';
import { type KqlType, type ScanRequest, type TableSchema } from '@mirrormesh/kql';

/**
 * The SQL of one page of a scan and how to read its cells back; `sql` depends only on the request's
 * shape. Pages follow a cursor: the scan's rows in `rowid` order, or (`timestamp`, `rowid`) order on
 * the timestamp index when the request bounds the time, each page after the last row of the one before.
 */
export interface ScanStatement {
  /** Same shape, same text: the key of the prepared-statement cache. */
  readonly sql: string;
  /** Bound before the cursor's values and the page size, which come last. */
  readonly params: readonly (string | number)[];
  /** The cursor's columns, selected after the cells: `rowid`, or `timestamp` then `rowid`. */
  readonly cursorWidth: 1 | 2;
  /** How each requested column is made from the SQL row's cells, in the request's order. */
  readonly cells: readonly CellReader[];
  /** True when every requested column is one SQL cell read as stored: the SQL row is the row. */
  readonly asStored: boolean;
}

/**
 * One requested column: a cell read as stored, 0/1 → boolean, JSON text → value, a string or its
 * dictionary code → string; or a dynamic column read by keys, an object of those keys, each from its
 * own cell of JSON text (null when absent): SQLite's `->` gives text, a promoted dimension's column
 * text or a code.
 */
export type CellReader =
  | { readonly kind: 'plain' | 'bool' | 'json' | 'coded'; readonly at: number }
  | { readonly kind: 'keys'; readonly keys: readonly { readonly key: string; readonly at: number }[] };

function kindOf(type: KqlType, coded: boolean): 'plain' | 'bool' | 'json' | 'coded' {
  return coded ? 'coded' : type === 'bool' ? 'bool' : type === 'dynamic' ? 'json' : 'plain';
}

/**
 * `SELECT <cells>, <cursor> FROM <table> WHERE [timestamp >= ? AND timestamp < ? AND] <after the cursor>
 * ORDER BY <cursor> LIMIT ?`. A dynamic column read
 * through keys becomes one cell per key: a promoted dimension's own column, or `col -> '$."key"'`
 * (SQLite extracts the value's JSON text; the rest of the value is never parsed in JavaScript). Paths
 * are parameters that quote the key as a JSON string, so keys holding quotes, dots or brackets read
 * the key itself.
 */
export function scanStatement(table: TelemetryTableName, request: ScanRequest): ScanStatement {
  const schema = TELEMETRY_TABLE_BY_NAME[table];
  const params: (string | number)[] = [];
  const selected: string[] = [];
  const select = (sql: string) => selected.push(sql) - 1;
  const coded = CODED_COLUMNS[table];
  const cells = request.columns.map((name): CellReader => {
    const column = schema.columns.find((candidate) => candidate.name === name);
    if (column === undefined) {
      throw new TableScanError(`table ${schema.name} has no column ${JSON.stringify(name)}: its columns are ${columnList(schema)}`);
    }
    const keys = request.dynamicKeys?.get(name);
    if (keys === undefined) return { kind: kindOf(column.type, coded.has(name)), at: select(quoteIdentifier(name)) };
    if (column.type !== 'dynamic')
      throw new TableScanError(`column ${schema.name}.${name} is ${column.type}: only dynamic columns are read by key`);
    return {
      kind: 'keys',
      keys: keys.map((key) => {
        if (name === 'customDimensions' && PROMOTED_DIMENSIONS.includes(key))
          return { key, at: select(quoteIdentifier(promotedColumn(key))) };
        params.push(`$.${JSON.stringify(key)}`);
        return { key, at: select(`${quoteIdentifier(name)} -> ?`) };
      }),
    };
  });
  for (const name of request.dynamicKeys?.keys() ?? []) {
    if (!request.columns.includes(name))
      throw new TableScanError(`dynamicKeys names ${JSON.stringify(name)}, which is not among the columns scanned`);
  }
  const bounds: string[] = [];
  const { from, to } = request.timeRange ?? {};
  if (from !== undefined && Number.isFinite(from)) {
    bounds.push('"timestamp" >= ?');
    params.push(from);
  }
  if (to !== undefined && Number.isFinite(to)) {
    bounds.push('"timestamp" < ?');
    params.push(to);
  }
  // Keyset pagination: each page is one short statement, and the next starts after the last row read.
  const byTime = bounds.length > 0;
  const cursor = byTime ? ['"timestamp"', 'rowid'] : ['rowid'];
  const after = byTime ? '("timestamp", rowid) > (?, ?)' : 'rowid > ?';
  return {
    sql: `SELECT ${[...selected, ...cursor].join(', ')} FROM ${schema.name} WHERE ${[...bounds, after].join(' AND ')} ORDER BY ${cursor.join(', ')} LIMIT ?`,
    params,
    cursorWidth: byTime ? 2 : 1,
    cells,
    asStored: cells.every((cell) => cell.kind !== 'keys'),
  };
}

function columnList(schema: TableSchema): string {
  return schema.columns.map((column) => column.name).join(', ');
}
