import type { ColumnSchema, KqlType, QueryResult } from '../../src';
import type { JsonValue } from './telemetry-schemas';

/** A result column as the corpus writes it: `['count_', 'long']`. */
export type ColumnSpec = readonly [name: string, type: KqlType];

/** The API's datetime: ISO 8601 with 7 fractional digits ("2026-12-01T07:54:14.8310000Z"). */
export function formatDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** The API's timespan, .NET's constant format: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const ticks = Math.round(Math.abs(ms) * 10_000);
  const fraction = ticks % 10_000_000;
  const seconds = Math.floor(ticks / 10_000_000);
  const days = Math.floor(seconds / 86_400);
  const clock = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  return `${sign}${days > 0 ? `${days}.` : ''}${clock}${fraction > 0 ? `.${String(fraction).padStart(7, '0')}` : ''}`;
}

/** A cell as the API returns it, by its column's type. */
export function formatCell(type: KqlType, value: JsonValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
      return formatDatetime(value as number);
    case 'timespan':
      return formatTimespan(value as number);
    case 'dynamic':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/** The API's answer: one table named PrimaryResult, cells formatted by column type. */
export function primaryResult(columns: readonly ColumnSpec[], rows: readonly (readonly (JsonValue | undefined)[])[]): QueryResult {
  const schema: ColumnSchema[] = columns.map(([name, type]) => ({ name, type }));
  return {
    tables: [
      {
        name: 'PrimaryResult',
        columns: schema,
        rows: rows.map((row) => schema.map((column, i) => formatCell(column.type, row[i]))),
      },
    ],
  };
}

/** Every column of a table's rows, for queries that keep whole rows (`take`, `top`, `project-away`). */
export function wholeRows(
  columns: readonly ColumnSchema[],
  rows: readonly Readonly<Record<string, JsonValue>>[],
): { columns: ColumnSpec[]; rows: (JsonValue | undefined)[][] } {
  return {
    columns: columns.map((column) => [column.name, column.type] as const),
    rows: rows.map((row) => columns.map((column) => row[column.name])),
  };
}
