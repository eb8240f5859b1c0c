import type { Cell, ScanRequest, TableSchema, TableSource } from '../../src';
import type { JsonValue } from './telemetry-schemas';

type Rows = readonly Readonly<Record<string, JsonValue>>[];

/**
 * The telemetry set as a TableSource that holds the engine to the contract: it returns only the rows inside
 * `timeRange` (a hint the engine must not make narrower than the query), hands a dynamic column read through
 * `dynamicKeys` over as an object of just those keys (as SQLite's json_extract would), and refuses a column
 * the table does not have.
 */
export function memoryTableSource(tables: readonly TableSchema[], data: Readonly<Record<string, Rows>>): TableSource {
  return {
    tables: () => tables,
    *scan(table: string, request: ScanRequest): Iterable<readonly Cell[]> {
      const schema = tables.find((t) => t.name === table);
      const rows = data[table];
      if (schema === undefined || rows === undefined) throw new Error(`scan of unknown table '${table}'`);
      for (const column of request.columns)
        if (!schema.columns.some((c) => c.name === column)) throw new Error(`scan of unknown column '${table}.${column}'`);
      const from = request.timeRange?.from ?? -Infinity;
      const to = request.timeRange?.to ?? Infinity;
      for (const row of rows) {
        const timestamp = row['timestamp'];
        if (typeof timestamp === 'number' && (timestamp < from || timestamp >= to)) continue;
        yield request.columns.map((column) => cell(row[column], request.dynamicKeys?.get(column)));
      }
    },
  };
}

function cell(value: JsonValue | undefined, keys: readonly string[] | undefined): Cell {
  if (value === undefined) return null;
  if (keys === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as { readonly [key: string]: JsonValue };
  return Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k] ?? null]));
}
