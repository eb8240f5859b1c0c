import { type AnswerTable } from './query-answer';

const NUMERIC = new Set(['long', 'int', 'real', 'decimal']);

/** A cell for the terminal: reals to 3 decimals (the JSON and CSV keep every digit), null as empty. */
function shown(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (type === 'real' && typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(3);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A result table as aligned text (numbers right-aligned), with its row count. */
export function formatQueryTable(table: AnswerTable): string {
  const cells = table.rows.map((row) => table.columns.map((column, i) => shown(row[i], column.type)));
  const widths = table.columns.map((column, i) => Math.max(column.name.length, ...cells.map((line) => line[i]?.length ?? 0)));
  const render = (values: readonly string[]) =>
    values
      .map((value, i) => (NUMERIC.has(table.columns[i]?.type ?? '') ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const header = render(table.columns.map((column) => column.name));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const count = `${table.rows.length} row${table.rows.length === 1 ? '' : 's'}`;
  return [header, rule, ...cells.map(render), count].join('\n') + '\n';
}

/** RFC 4180 CSV: a header of column names, every cell as the API gave it (dynamic as its JSON text). */
export function formatQueryCsv(table: AnswerTable): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.map((column) => field(column.name)), ...table.rows.map((row) => row.map(field))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
