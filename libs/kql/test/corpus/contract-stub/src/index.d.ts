// TEMPORARY: the engine's public API as the contract states it, so the corpus type-checks before the
// engine (libs/kql/src) is merged beside it. Delete this folder and ../tsconfig.contract-stub.json then.
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
export type Cell = string | number | boolean | null | JsonValue;
export interface ScanRequest {
  readonly columns: readonly string[];
  readonly dynamicKeys?: ReadonlyMap<string, readonly string[]>;
  readonly timeRange?: { readonly from?: number; readonly to?: number };
}
export interface TableSource {
  tables(): readonly TableSchema[];
  scan(table: string, request: ScanRequest): Iterable<readonly Cell[]>;
}
export interface QueryOptions {
  readonly now?: () => number;
  readonly timespan?: string;
  readonly maxRows?: number;
}
export interface QueryResult {
  readonly tables: readonly {
    readonly name: string;
    readonly columns: readonly ColumnSchema[];
    readonly rows: readonly (readonly unknown[])[];
  }[];
}
export declare function runQuery(text: string, source: TableSource, options?: QueryOptions): Promise<QueryResult>;
export declare class KqlError extends Error {
  readonly code: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}
