import type { LogQueryTable } from '../../../src/mesh/log-query.dto';
import type { DrawnRenderKind } from './render-kind';
import { formatCell, isNumericType } from './result-cells';

/** Bounds of what is drawn: past them a chart says less than the table. */
export const CHART_LIMITS = { maxSeries: 6, maxCategories: 40 } as const;

export interface ChartSeries {
  readonly name: string;
  /** One per point, in the points' order; null where the cell is null. */
  readonly values: readonly (number | null)[];
}

export interface ChartData {
  readonly kind: DrawnRenderKind;
  readonly xName: string;
  /** timechart: epoch ms, ascending; bar charts: the category's index. */
  readonly xs: readonly number[];
  /** What each point is called (the x cell as the table shows it). */
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

export type ChartFit = { readonly fit: true; readonly chart: ChartData } | { readonly fit: false; readonly note: string };

const refuse = (note: string): ChartFit => ({ fit: false, note });

/**
 * Epoch ms of an API datetime (`2026-12-01T07:54:14.8310000Z`): 7 fractional digits are more
 * than every browser's Date.parse reads, so they are cut to milliseconds first. NaN when unreadable.
 */
export function parseApiTime(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(value.replace(/(\.\d{3})\d+(?=Z$|[+-]\d{2}:\d{2}$)/, '$1'));
}

/**
 * Whether `render <kind>` can be drawn from the table as Kusto would: the first column is x
 * (a datetime for a timechart), every other column a numeric series. A string column beside
 * them would split series in Kusto, so the table is shown instead of a wrong chart.
 */
export function chartFit(table: LogQueryTable, kind: DrawnRenderKind): ChartFit {
  const [x, ...others] = table.columns;
  if (x === undefined || others.length === 0) return refuse(`A ${kind} needs an x column and at least one numeric column.`);
  const other = others.find((column) => !isNumericType(column.type));
  if (other !== undefined) {
    return refuse(
      `Column '${other.name}' (${other.type}) is not numeric: Kusto would split the series by it, which this page does not draw.`,
    );
  }
  if (others.length > CHART_LIMITS.maxSeries)
    return refuse(`More than ${CHART_LIMITS.maxSeries} numeric columns: too many series to draw.`);
  if (table.rows.length === 0) return refuse('No rows to draw.');
  let rows = table.rows;
  let xs: number[];
  if (kind === 'timechart') {
    if (x.type !== 'datetime') return refuse(`A timechart needs a datetime first column; '${x.name}' is ${x.type}.`);
    const timed = rows.map((row) => ({ row, t: parseApiTime(row[0]) }));
    if (timed.some(({ t }) => Number.isNaN(t))) return refuse(`Column '${x.name}' has empty or unreadable times.`);
    timed.sort((a, b) => a.t - b.t);
    rows = timed.map(({ row }) => row);
    xs = timed.map(({ t }) => t);
  } else {
    if (rows.length > CHART_LIMITS.maxCategories) {
      return refuse(`More than ${CHART_LIMITS.maxCategories} rows: too many bars to draw; summarize further or take fewer.`);
    }
    xs = rows.map((_, i) => i);
  }
  const labels = rows.map((row) => formatCell(x.type, row[0] ?? null));
  const series = others.map((column, c) => ({
    name: column.name,
    values: rows.map((row) => {
      const value = row[c + 1];
      return typeof value === 'number' ? value : null;
    }),
  }));
  return { fit: true, chart: { kind, xName: x.name, xs, labels, series } };
}
