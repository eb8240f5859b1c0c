import { groupBy } from './reference-aggregates';
import { dyn, tostring } from './reference-scalars';
import { type ColumnSpec, primaryResult } from './result-format';
import type { JsonValue } from './telemetry-schemas';

/** `… | summarize count() by <keys>`: one row per key, `count_` last. */
export function countBy<T>(rows: readonly T[], keyColumns: readonly ColumnSpec[], key: (row: T) => readonly JsonValue[]) {
  return primaryResult(
    [...keyColumns, ['count_', 'long']],
    groupBy(rows, key).map(([k, group]) => [...k, group.length]),
  );
}

/** `… | count`: one column named Count. */
export const count = (n: number) => primaryResult([['Count', 'long']], [[n]]);

/** `tostring(customDimensions["VersionTag"])`: "" when the key or the object is missing. */
export const versionTag = (row: { readonly customDimensions: JsonValue }): string => tostring(dyn(row.customDimensions, 'VersionTag'));

export const durations = (rows: readonly { readonly duration: number | null }[]) => rows.map((r) => r.duration);

export const bookservice = <T extends { readonly cloud_RoleName: string }>(rows: readonly T[]) =>
  rows.filter((r) => r.cloud_RoleName === 'bookservice');
