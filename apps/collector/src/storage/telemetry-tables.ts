import { type ColumnSchema, type KqlType, type TableSchema } from '@mirrormesh/kql';

function column(name: string, type: KqlType): ColumnSchema {
  return { name, type };
}

/** Columns every Application Insights item table ends with (Log Analytics' names). */
const CONTEXT_COLUMNS: readonly ColumnSchema[] = [
  column('customDimensions', 'dynamic'),
  column('customMeasurements', 'dynamic'),
  column('cloud_RoleName', 'string'),
  column('cloud_RoleInstance', 'string'),
  column('operation_Id', 'string'),
  column('operation_ParentId', 'string'),
  column('operation_Name', 'string'),
  column('sdkVersion', 'string'),
  column('client_Type', 'string'),
  column('appName', 'string'),
  column('itemType', 'string'),
];

/** Application Insights' `requests` in Log Analytics, the columns the collector fills. */
export const REQUESTS_TABLE: TableSchema = {
  name: 'requests',
  columns: [
    column('timestamp', 'datetime'),
    column('id', 'string'),
    column('name', 'string'),
    column('url', 'string'),
    column('duration', 'real'),
    column('resultCode', 'string'),
    column('success', 'bool'),
    column('itemCount', 'int'),
    ...CONTEXT_COLUMNS,
  ],
};

/** Application Insights' `dependencies` in Log Analytics, the columns the collector fills. */
export const DEPENDENCIES_TABLE: TableSchema = {
  name: 'dependencies',
  columns: [
    column('timestamp', 'datetime'),
    column('id', 'string'),
    column('name', 'string'),
    column('target', 'string'),
    column('type', 'string'),
    column('data', 'string'),
    column('duration', 'real'),
    column('resultCode', 'string'),
    column('success', 'bool'),
    column('itemCount', 'int'),
    ...CONTEXT_COLUMNS,
  ],
};

export const TELEMETRY_TABLES: readonly TableSchema[] = [REQUESTS_TABLE, DEPENDENCIES_TABLE];

export type TelemetryTableName = 'requests' | 'dependencies';

/**
 * Columns whose value is the same on every row of a table: computed by SQLite (virtual generated
 * columns), never stored.
 */
export const CONSTANT_COLUMNS: Readonly<Record<TelemetryTableName, Readonly<Record<string, string>>>> = {
  requests: { itemType: 'request', client_Type: 'PC' },
  dependencies: { itemType: 'dependency', client_Type: 'PC' },
};

export const TELEMETRY_TABLE_BY_NAME: Readonly<Record<TelemetryTableName, TableSchema>> = {
  requests: REQUESTS_TABLE,
  dependencies: DEPENDENCIES_TABLE,
};

/**
 * customDimensions keys also kept in a column of their own, as their value's JSON text (null when the
 * key is absent): the lab's queries read VersionTag, the mirror query Mirror, on every row, and a
 * column read is far cheaper than parsing the JSON. Hidden from queries, which still read
 * `customDimensions["VersionTag"]`; the source picks the column when it can.
 */
export const PROMOTED_DIMENSIONS: readonly string[] = ['VersionTag', 'Mirror'];

/** The SQL column holding a promoted dimension (a name no Log Analytics column can take). */
export function promotedColumn(key: string): string {
  return `customDimensions:${key}`;
}

/**
 * The stored columns of few distinct values, coded through the string dictionary (string-dictionary.ts):
 * names, result codes, targets and types, the context's roles and names, the promoted dimensions. Not
 * ids, urls or dependency data, which are mostly distinct.
 */
export const CODED_COLUMNS: Readonly<Record<TelemetryTableName, ReadonlySet<string>>> = {
  requests: codedColumns('name', 'resultCode'),
  dependencies: codedColumns('name', 'target', 'type', 'resultCode'),
};

function codedColumns(...own: string[]): ReadonlySet<string> {
  const context = ['cloud_RoleName', 'cloud_RoleInstance', 'operation_Name', 'sdkVersion', 'appName'];
  return new Set([...own, ...context, ...PROMOTED_DIMENSIONS.map(promotedColumn)]);
}

/** The SQL columns a row of `table` stores: its Log Analytics columns in table order, then the promoted dimensions. */
export function storedColumns(table: TelemetryTableName): readonly string[] {
  const constants = CONSTANT_COLUMNS[table];
  return [
    ...TELEMETRY_TABLE_BY_NAME[table].columns.filter((candidate) => constants[candidate.name] === undefined).map((c) => c.name),
    ...PROMOTED_DIMENSIONS.map(promotedColumn),
  ];
}
