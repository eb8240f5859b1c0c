import { formatIssue, type Issue } from '@mirrormesh/schema';
import { envelopeSchema, requestDataSchema } from './envelope-schema';
import { VERSION_TAG_DIMENSION } from '@mirrormesh/catalog';
import { type RequestRow } from './stored-item';
import { timespanToMs } from './timespan';

export const REQUEST_BASE_TYPE = 'RequestData';

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: Record<string, unknown>; readonly request: RequestRow | undefined }
  | { readonly ok: false; readonly message: string };

/**
 * Checks one item of a track batch. Request items must also carry the RequestData fields
 * the queries read; other telemetry types are accepted with the common envelope fields.
 */
export function checkEnvelope(input: unknown): EnvelopeCheck {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.ok) return reject(envelope.issues);
  const { data, time, tags } = envelope.value;
  if (data.baseType !== REQUEST_BASE_TYPE) return { ok: true, envelope: input as Record<string, unknown>, request: undefined };
  const baseData = requestDataSchema.safeParse((input as { data: { baseData: unknown } }).data.baseData);
  if (!baseData.ok) return reject(baseData.issues.map((issue) => ({ ...issue, path: ['data', 'baseData', ...issue.path] })));
  const request: RequestRow = {
    time: Date.parse(time),
    name: baseData.value.name,
    resultCode: baseData.value.responseCode,
    durationMs: timespanToMs(baseData.value.duration),
    success: baseData.value.success,
    cloudRole: tags?.['ai.cloud.role'],
    versionTag: baseData.value.properties?.[VERSION_TAG_DIMENSION],
  };
  return { ok: true, envelope: input as Record<string, unknown>, request };
}

/** Rebuilds the row of a stored request envelope (on restart); undefined for other types. */
export function requestRowOf(envelope: unknown): RequestRow | undefined {
  const check = checkEnvelope(envelope);
  return check.ok ? check.request : undefined;
}

function reject(issues: readonly Issue[]): EnvelopeCheck {
  return { ok: false, message: issues.map((issue) => formatIssue(issue, 'item')).join('; ') };
}
