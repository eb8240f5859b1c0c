import type { Cell, ScanRequest, TableSchema, TableSource } from './types';

/**
 * A TableSource over rows held in memory as objects by column name (for tests and small callers).
 * It honours the request's columns and ignores its hints (dynamicKeys, timeRange), as it may.
 */
export function memoryTableSource(
  schemas: readonly TableSchema[],
  rowsByTable: Readonly<Record<string, readonly Readonly<Record<string, Cell>>[]>>,
): TableSource {
  return {
    tables: () => schemas,
    *scan(table: string, request: ScanRequest) {
      const columns = request.columns;
      for (const row of rowsByTable[table] ?? []) {
        const cells: Cell[] = new Array<Cell>(columns.length);
        for (let i = 0; i < columns.length; i++) cells[i] = row[columns[i]!] ?? null;
        yield cells;
      }
    },
  };
}
