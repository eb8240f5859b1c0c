import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';

/** Bounds of a query request: a query is text a person wrote or pasted, not a payload. */
export const QUERY_REQUEST_LIMITS = { maxQueryBytes: 64 * 1024, maxTimespanChars: 100 } as const;

export interface LogAnalyticsRequest {
  readonly query: string;
  readonly timespan: string | undefined;
}

const KNOWN_KEYS = new Set(['query', 'timespan']);

/**
 * The request body as the collector's one body parser hands it over (raw bytes, for the track
 * API's sake): JSON when the content type says so, text otherwise.
 */
export function decodeQueryBody(body: unknown, contentType: string | undefined): unknown {
  if (!Buffer.isBuffer(body)) return body;
  const text = body.toString('utf8');
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestException(`the body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The query request as Log Analytics' API takes it: `{query, timespan?}` as JSON, or (for a
 * terminal and curl) the query text itself as `text/plain`. Throws a 400/413 naming what is wrong.
 */
export function readQueryRequest(body: unknown, timespanParam?: unknown): LogAnalyticsRequest {
  let query: unknown;
  let timespan: unknown = timespanParam;
  if (typeof body === 'string') query = body;
  else if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const unknown = Object.keys(body).filter((key) => !KNOWN_KEYS.has(key));
    if (unknown.length > 0) throw new BadRequestException(`unknown field ${JSON.stringify(unknown[0])}: the body takes query and timespan`);
    ({ query, timespan = timespanParam } = body as { query?: unknown; timespan?: unknown });
  } else {
    throw new BadRequestException('send the query as {"query": "<KQL>", "timespan"?: "PT15M"} (application/json) or as text/plain');
  }
  if (typeof query !== 'string' || query.trim() === '') throw new BadRequestException('query must be a non-empty string of KQL');
  if (Buffer.byteLength(query, 'utf8') > QUERY_REQUEST_LIMITS.maxQueryBytes)
    throw new PayloadTooLargeException(`query is longer than ${QUERY_REQUEST_LIMITS.maxQueryBytes} bytes`);
  if (timespan !== undefined && (typeof timespan !== 'string' || timespan.length > QUERY_REQUEST_LIMITS.maxTimespanChars))
    throw new BadRequestException(
      `timespan must be an ISO 8601 duration or interval (PT15M, P1D, start/end) of at most ${QUERY_REQUEST_LIMITS.maxTimespanChars} characters`,
    );
  return { query, timespan: timespan === '' ? undefined : timespan };
}
