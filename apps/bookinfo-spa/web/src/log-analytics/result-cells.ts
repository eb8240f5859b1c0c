import type { LogQueryCell, LogQueryColumnType } from '../../../src/mesh/log-query.dto';

const NUMERIC: ReadonlySet<LogQueryColumnType> = new Set(['long', 'int', 'real']);

/** Columns shown right-aligned and drawn as chart series. */
export function isNumericType(type: LogQueryColumnType): boolean {
  return NUMERIC.has(type);
}

/** A cell as the table shows it: reals to 3 decimals, the rest as the API sent it, null as empty. */
export function formatCell(type: LogQueryColumnType, value: LogQueryCell): string {
  if (value === null) return '';
  if (type === 'real' && typeof value === 'number') return value.toFixed(3);
  return String(value);
}
