/** Log Analytics' column types (the API's names). */
export type KqlType = 'string' | 'datetime' | 'long' | 'int' | 'real' | 'bool' | 'dynamic' | 'timespan' | 'guid';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface ColumnSchema {
  readonly name: string;
  readonly type: KqlType;
}

export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

/**
 * A cell as a source hands it over, by the column's type:
 *   string, guid → string;  long, int, real → number;  bool → boolean;
 *   datetime → number (epoch milliseconds, UTC);  timespan → number (milliseconds);
 *   dynamic → a parsed JSON value (object, array, string, number, boolean, null);
 *   missing / null → null.
 */
export type Cell = string | number | boolean | null | JsonValue;

/** What a query reads from one table: the engine asks for no more than it needs. */
export interface ScanRequest {
  /** The columns the query reads, in the order each row must carry them. */
  readonly columns: readonly string[];
  /**
   * For a dynamic column read ONLY through constant top-level keys (`customDimensions["VersionTag"]`,
   * `customDimensions.VersionTag`), those keys: the source may then hand over an object holding just
   * those keys instead of parsing the whole value. Absent for a column read as a whole.
   */
  readonly dynamicKeys?: ReadonlyMap<string, readonly string[]>;
  /**
   * Bounds on `timestamp` (epoch ms; `from` inclusive, `to` exclusive) that the query's leading `where`
   * clauses and the request's `timespan` imply. A hint: the source MAY return rows outside it (the engine
   * still filters), and MUST return every row inside it.
   */
  readonly timeRange?: { readonly from?: number; readonly to?: number };
}

export interface TableSource {
  /** The tables queries may name, with their columns (the engine binds names and types with them). */
  tables(): readonly TableSchema[];
  /** Rows of `table` as arrays, one cell per `request.columns` entry, in that order. */
  scan(table: string, request: ScanRequest): Iterable<readonly Cell[]>;
}

export interface QueryOptions {
  /** `now()` and `ago()`; injectable for tests. Default Date.now. */
  readonly now?: () => number;
  /** Log Analytics' `timespan` parameter (ISO 8601: `PT15M`, `P1D`, `start/end`, `start/duration`): restricts `timestamp`. */
  readonly timespan?: string;
  /** Past this many result rows the query fails with a clear error (default 50_000). */
  readonly maxRows?: number;
}

export interface ResultTable {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Log Analytics' query API answer (https://learn.microsoft.com/azure/azure-monitor/logs/api/response-format). */
export interface QueryResult {
  readonly tables: readonly ResultTable[];
}
