// The query engine's source contract (Local Log Analytics). These types mirror @mirrormesh/kql's public
// API and give way to imports from it once that package exists beside the collector.

/** Log Analytics' column types (the API's names). */
export type KqlType = 'string' | 'datetime' | 'long' | 'int' | 'real' | 'bool' | 'dynamic' | 'timespan' | 'guid';

export interface ColumnSchema {
  readonly name: string;
  readonly type: KqlType;
}

export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A cell as a source hands it over, by the column's type: string, guid → string; long, int, real →
 * number; bool → boolean; datetime → epoch milliseconds (UTC); timespan → milliseconds; dynamic → the
 * parsed JSON value; missing → null.
 */
export type Cell = string | number | boolean | null | JsonValue;

/** What a query reads from one table: the engine asks for no more than it needs. */
export interface ScanRequest {
  /** The columns the query reads, in the order each row must carry them. */
  readonly columns: readonly string[];
  /**
   * For a dynamic column read only through constant top-level keys, those keys: the source may then
   * hand over an object holding just those keys instead of the whole value.
   */
  readonly dynamicKeys?: ReadonlyMap<string, readonly string[]>;
  /** Bounds on `timestamp` (epoch ms; `from` inclusive, `to` exclusive): a hint, every row inside must come. */
  readonly timeRange?: { readonly from?: number; readonly to?: number };
}

export interface TableSource {
  /** The tables queries may name, with their columns. */
  tables(): readonly TableSchema[];
  /** Rows of `table` as arrays, one cell per `request.columns` entry, in that order. Synchronous. */
  scan(table: string, request: ScanRequest): Iterable<readonly Cell[]>;
}
