import { formatIssue, type Issue } from '@mirrormesh/schema';
import { envelopeSchema, requestDataSchema } from './envelope-schema';

export const REQUEST_BASE_TYPE = 'RequestData';

export type EnvelopeCheck =
  { readonly ok: true; readonly envelope: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/**
 * Checks one item of a track batch. Request items must also carry the RequestData fields
 * the lab's query reads; other telemetry types are accepted with the common envelope fields.
 */
export function checkEnvelope(input: unknown): EnvelopeCheck {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.ok) return reject(envelope.issues);
  if (envelope.value.data.baseType !== REQUEST_BASE_TYPE) return { ok: true, envelope: input as Record<string, unknown> };
  const baseData = requestDataSchema.safeParse((input as { data: { baseData: unknown } }).data.baseData);
  if (!baseData.ok) return reject(baseData.issues.map((issue) => ({ ...issue, path: ['data', 'baseData', ...issue.path] })));
  return { ok: true, envelope: input as Record<string, unknown> };
}

function reject(issues: readonly Issue[]): EnvelopeCheck {
  return { ok: false, message: issues.map((issue) => formatIssue(issue, 'item')).join('; ') };
}
