import type { KqlType, TableSchema } from '../../src';

/** A dynamic cell's value (Application Insights' custom dimensions are JSON objects). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * The columns both tables share, with the contract's cell conventions: datetime as epoch ms, duration in
 * ms, dynamic as parsed JSON. Strings are never null (Kusto has no null string: the empty string stands in).
 */
type CommonRow = {
  readonly timestamp: number;
  readonly id: string;
  readonly name: string;
  readonly duration: number | null;
  readonly resultCode: string;
  readonly success: boolean | null;
  readonly itemCount: number;
  readonly customDimensions: JsonObject | null;
  readonly customMeasurements: JsonObject | null;
  readonly cloud_RoleName: string;
  readonly cloud_RoleInstance: string;
  readonly operation_Id: string;
  readonly operation_ParentId: string;
  readonly operation_Name: string;
  readonly sdkVersion: string;
  readonly client_Type: string;
  readonly appName: string;
};
export type RequestRow = CommonRow & {
  readonly url: string;
  readonly duration: number;
  readonly success: boolean;
  readonly itemType: 'request';
};
export type DependencyRow = CommonRow & {
  readonly target: string;
  readonly type: string;
  readonly data: string;
  readonly itemType: 'dependency';
};

export type TelemetrySet = {
  readonly requests: readonly RequestRow[];
  readonly dependencies: readonly DependencyRow[];
};

type Pair = readonly [string, KqlType];
const head: readonly Pair[] = [
  ['timestamp', 'datetime'],
  ['id', 'string'],
  ['name', 'string'],
];
const tail: readonly Pair[] = [
  ['duration', 'real'],
  ['resultCode', 'string'],
  ['success', 'bool'],
  ['itemCount', 'int'],
  ['customDimensions', 'dynamic'],
  ['customMeasurements', 'dynamic'],
  ['cloud_RoleName', 'string'],
  ['cloud_RoleInstance', 'string'],
  ['operation_Id', 'string'],
  ['operation_ParentId', 'string'],
  ['operation_Name', 'string'],
  ['sdkVersion', 'string'],
  ['client_Type', 'string'],
  ['appName', 'string'],
  ['itemType', 'string'],
];
const table = (name: string, own: readonly Pair[]): TableSchema => ({
  name,
  columns: [...head, ...own, ...tail].map(([column, type]) => ({ name: column, type })),
});

/** Application Insights' Log Analytics schema (the columns the collector fills), in the contract's order. */
export const requestsSchema = table('requests', [['url', 'string']]);
export const dependenciesSchema = table('dependencies', [
  ['target', 'string'],
  ['type', 'string'],
  ['data', 'string'],
]);
export const schemas: readonly TableSchema[] = [requestsSchema, dependenciesSchema];
