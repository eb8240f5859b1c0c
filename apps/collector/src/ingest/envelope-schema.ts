import { s, type Infer } from '@mirrormesh/schema';

/** `d.hh:mm:ss.fffffff` or `hh:mm:ss.fff`, as the SDKs write durations. */
const TIMESPAN = /^(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d{1,7})?$/;
const timespan = s.string({ pattern: TIMESPAN, patternRule: 'must be a timespan like "00:00:00.123"' });
const isoTime = s
  .string({ minLength: 1 })
  .refine((value) => (Number.isNaN(Date.parse(value)) ? 'must be an ISO 8601 date-time' : undefined));
const properties = s.record(s.string()).optional();

/** RequestData: what the lab's query reads. */
const requestData = s.object(
  {
    name: s.string({ minLength: 1 }),
    duration: timespan,
    responseCode: s.string(),
    success: s.boolean(),
    properties,
  },
  { unknownKeys: 'strip' },
);

/**
 * The envelope shape the track API requires of every item. Unknown keys are tolerated
 * (SDKs add fields over time); the envelope is stored as received, not as parsed.
 */
export const envelopeSchema = s.object(
  {
    name: s.string({ minLength: 1 }),
    time: isoTime,
    iKey: s.string({ minLength: 1 }).optional(),
    tags: s.record(s.string()).optional(),
    data: s.object({ baseType: s.string({ minLength: 1 }), baseData: s.object({}, { unknownKeys: 'strip' }) }, { unknownKeys: 'strip' }),
  },
  { unknownKeys: 'strip' },
);

export const requestDataSchema = requestData;
export type RequestDataFields = Infer<typeof requestData>;
export type EnvelopeFields = Infer<typeof envelopeSchema>;
