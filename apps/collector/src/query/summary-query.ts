import { type RequestsSummaryRow } from '@mirrormesh/catalog';
import { ReportError } from '../errors';
import { type AnswerTable } from '../report/query-answer';
import { type TimeBound, timeBoundKql } from './time-window';

/** One row of the lab query, with the percentiles as extra columns (the shared DTO). */
export type SummaryRow = RequestsSummaryRow;

export interface SummaryFilter {
  /** Keep items whose VersionTag contains this text (case-insensitive, Kusto's `contains`); empty or absent keeps all. */
  readonly contains?: string | undefined;
  /** Keep items that started at or after it. */
  readonly since?: TimeBound | undefined;
  /** Keep items that started before it. */
  readonly until?: TimeBound | undefined;
  /** At most this many rows. */
  readonly take?: number | undefined;
}

/**
 * The lab's Log Analytics query with the report's percentiles (LogAnalyticsQuery.md's second block):
 * the one query behind `GET /query/requests-summary`, `mirrormesh report` and the lab's verdicts.
 * Sorted ascending by name, podVersion, resultCode, so its output is stable.
 */
export function summaryQuery(filter: SummaryFilter = {}): string {
  const lines = ['requests'];
  if (filter.since !== undefined) lines.push(`| where timestamp >= ${timeBoundKql(filter.since)}`);
  if (filter.until !== undefined) lines.push(`| where timestamp < ${timeBoundKql(filter.until)}`);
  if (filter.contains !== undefined && filter.contains !== '') {
    lines.push(`| where customDimensions["VersionTag"] contains ${kqlString(filter.contains)}`);
  }
  lines.push(
    '| summarize duration = avg(duration), requestCount = count(),',
    '            p50 = percentile(duration, 50), p95 = percentile(duration, 95), p99 = percentile(duration, 99)',
    '  by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode',
    '| sort by name asc, podVersion asc, resultCode asc',
  );
  if (filter.take !== undefined) lines.push(`| take ${Math.trunc(filter.take)}`);
  return lines.join('\n');
}

const COLUMNS = {
  name: 'string',
  podVersion: 'string',
  resultCode: 'string',
  duration: 'number',
  requestCount: 'number',
  p50: 'number',
  p95: 'number',
  p99: 'number',
} as const;

/** The answer's rows as summary rows; a ReportError naming the column when the answer is not the summary's. */
export function readSummaryRows(table: AnswerTable): SummaryRow[] {
  const indexes = Object.entries(COLUMNS).map(([name, type]) => {
    const index = table.columns.findIndex((column) => column.name === name);
    if (index < 0)
      throw new ReportError(`the summary answer has no column ${name} (its columns: ${table.columns.map((c) => c.name).join(', ')})`);
    return [name, type, index] as const;
  });
  return table.rows.map((cells, rowIndex) => {
    const row: Record<string, string | number> = {};
    for (const [name, type, index] of indexes) {
      const value = cells[index];
      if (typeof value !== type)
        throw new ReportError(`the summary answer's row ${rowIndex + 1} has ${name} = ${JSON.stringify(value)}, not a ${type}`);
      row[name] = value as string | number;
    }
    return row as unknown as SummaryRow;
  });
}

/** A KQL string literal holding exactly `text`. */
export function kqlString(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => ESCAPES[c] ?? c)}"`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
