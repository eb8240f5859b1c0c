import { type SummaryRow } from '../query/summary-query';

const COLUMNS: readonly { title: string; align: 'left' | 'right'; cell: (row: SummaryRow) => string }[] = [
  { title: 'name', align: 'left', cell: (row) => row.name },
  { title: 'podVersion', align: 'left', cell: (row) => row.podVersion },
  { title: 'resultCode', align: 'right', cell: (row) => row.resultCode },
  { title: 'duration', align: 'right', cell: (row) => ms(row.duration) },
  { title: 'requestCount', align: 'right', cell: (row) => String(row.requestCount) },
  { title: 'p50', align: 'right', cell: (row) => ms(row.p50) },
  { title: 'p95', align: 'right', cell: (row) => ms(row.p95) },
  { title: 'p99', align: 'right', cell: (row) => ms(row.p99) },
];

/** The summary as an aligned text table (durations in ms), or a line saying there is nothing. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  if (rows.length === 0) return 'No request items matched.\n';
  const cells = rows.map((row) => COLUMNS.map((column) => column.cell(row)));
  const widths = COLUMNS.map((column, index) => Math.max(column.title.length, ...cells.map((line) => line[index]?.length ?? 0)));
  const render = (values: readonly string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return COLUMNS[index]?.align === 'right' ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const header = render(COLUMNS.map((column) => column.title));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [header, rule, ...cells.map(render)].join('\n') + '\n';
}

/** The rows as JSON, one document, for scripts. */
export function formatSummaryJson(rows: readonly SummaryRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

function ms(value: number): string {
  return value.toFixed(1);
}
