export type { Cell, ColumnSchema, JsonValue, KqlType, QueryOptions, QueryResult, ScanRequest, TableSchema, TableSource } from './types';
export { KqlError } from './errors';
export { runQuery } from './run-query';
export { memoryTableSource } from './memory-source';
