import { timespanToMs } from '../ingest/timespan';
import { PROMOTED_DIMENSIONS, promotedColumn } from './telemetry-tables';

/** A stored cell as SQLite takes it (bool as 0/1, dynamic as JSON text, datetime as epoch ms, a dictionary code as a BigInt). */
export type StoredValue = string | number | bigint | null;

/** One accepted envelope as the row it is stored as. */
export type TelemetryRow =
  | { readonly table: 'requests' | 'dependencies'; readonly values: Readonly<Record<string, StoredValue>> }
  | { readonly table: 'other_items'; readonly timestamp: number; readonly itemType: string; readonly envelope: string };

/** Log Analytics' `itemType` of the envelope kinds that are not requests or dependencies. */
const OTHER_ITEM_TYPES: Readonly<Record<string, string>> = {
  MessageData: 'trace',
  ExceptionData: 'exception',
  MetricData: 'customMetric',
  EventData: 'customEvent',
  PageViewData: 'pageView',
  PageViewPerformanceData: 'browserTiming',
  AvailabilityData: 'availabilityResult',
};

type Json = Readonly<Record<string, unknown>>;

/**
 * Maps an envelope (Microsoft.ApplicationInsights.Request / .RemoteDependency / other) to its row,
 * with Application Insights' column names. Never throws: a field of the wrong type is stored as null.
 * `json` is the envelope's one-line JSON text, kept whole for the other kinds.
 */
export function telemetryRowOf(envelope: Json, json: string): TelemetryRow {
  const data = objectAt(envelope, 'data');
  const baseType = stringAt(data, 'baseType');
  const baseData = objectAt(data, 'baseData');
  const timestamp = Date.parse(stringAt(envelope, 'time') ?? '');
  if (baseType === 'RequestData') {
    return {
      table: 'requests',
      values: {
        ...commonColumns(envelope, baseData, timestamp),
        url: stringAt(baseData, 'url') ?? null,
        resultCode: stringAt(baseData, 'responseCode') ?? null,
      },
    };
  }
  if (baseType === 'RemoteDependencyData') {
    return {
      table: 'dependencies',
      values: {
        ...commonColumns(envelope, baseData, timestamp),
        target: stringAt(baseData, 'target') ?? null,
        type: stringAt(baseData, 'type') ?? null,
        data: stringAt(baseData, 'data') ?? null,
        resultCode: stringAt(baseData, 'resultCode') ?? null,
      },
    };
  }
  const itemType = OTHER_ITEM_TYPES[baseType ?? ''] ?? baseType ?? 'unknown';
  // Accepted envelopes always carry a valid time; 0 only guards a row that must not be lost.
  return { table: 'other_items', timestamp: Number.isNaN(timestamp) ? 0 : timestamp, itemType, envelope: json };
}

function commonColumns(envelope: Json, baseData: Json | undefined, timestamp: number): Record<string, StoredValue> {
  const tags = objectAt(envelope, 'tags');
  const duration = stringAt(baseData, 'duration');
  const durationMs = duration === undefined ? Number.NaN : timespanToMs(duration);
  const success = baseData?.['success'];
  return {
    ...promotedValues(objectAt(baseData, 'properties')),
    timestamp: Number.isNaN(timestamp) ? 0 : timestamp,
    id: stringAt(baseData, 'id') ?? null,
    name: stringAt(baseData, 'name') ?? null,
    duration: Number.isNaN(durationMs) ? null : durationMs,
    success: typeof success === 'boolean' ? (success ? 1 : 0) : null,
    itemCount: itemCountOf(envelope['sampleRate']),
    customDimensions: dynamicText(baseData?.['properties']),
    customMeasurements: dynamicText(baseData?.['measurements']),
    cloud_RoleName: stringAt(tags, 'ai.cloud.role') ?? null,
    cloud_RoleInstance: stringAt(tags, 'ai.cloud.roleInstance') ?? null,
    operation_Id: stringAt(tags, 'ai.operation.id') ?? null,
    operation_ParentId: stringAt(tags, 'ai.operation.parentId') ?? null,
    operation_Name: stringAt(tags, 'ai.operation.name') ?? null,
    sdkVersion: stringAt(tags, 'ai.internal.sdkVersion') ?? null,
    // The resource's name is unknown locally: the instrumentation key stands for it.
    appName: stringAt(envelope, 'iKey') ?? null,
  };
}

/** The promoted dimensions' columns of a row whose customDimensions are `properties`: each value's JSON text, null when absent. */
export function promotedValues(properties: Json | undefined): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  for (const key of PROMOTED_DIMENSIONS) {
    const value = properties?.[key];
    values[promotedColumn(key)] = value === undefined ? null : JSON.stringify(value);
  }
  return values;
}

/** Items one stored item stands for: sampled at `sampleRate` %, each kept item counts for 100 / rate. */
export function itemCountOf(sampleRate: unknown): number {
  if (typeof sampleRate !== 'number' || !(sampleRate > 0) || sampleRate > 100) return 1;
  return Math.round(100 / sampleRate);
}

/** A dynamic column's JSON text; null for nothing or an empty object (Log Analytics shows both empty). */
function dynamicText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  return JSON.stringify(value);
}

function objectAt(value: Json | undefined, key: string): Json | undefined {
  const found = value?.[key];
  return typeof found === 'object' && found !== null && !Array.isArray(found) ? (found as Json) : undefined;
}

function stringAt(value: Json | undefined, key: string): string | undefined {
  const found = value?.[key];
  return typeof found === 'string' ? found : undefined;
}
