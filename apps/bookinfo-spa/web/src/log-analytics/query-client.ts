import type { LogQueryRefusal, LogQueryRequest, LogQueryResult } from '../../../src/mesh/log-query.dto';

/** Where this server relays queries to the collector. */
export const LOG_QUERY_PATH = '/_mesh/query';

export type QueryOutcome =
  | { readonly kind: 'ok'; readonly result: LogQueryResult }
  | { readonly kind: 'refused'; readonly refusal: LogQueryRefusal['refusal'] }
  | { readonly kind: 'failed'; readonly message: string };

/** The server's problem `detail` is written for people; anything else is summarized by its status. */
function failureMessage(status: number, body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string' && detail.length > 0 && detail.length <= 500) return detail;
  return `The server answered ${status}.`;
}

/** Runs a query through POST /_mesh/query; resolves with what to show, rejects only when aborted. */
export async function runLogQuery(request: LogQueryRequest, signal: AbortSignal): Promise<QueryOutcome> {
  let response: Response;
  try {
    response = await fetch(LOG_QUERY_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'failed', message: 'The server could not be reached.' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'failed', message: `The server answered ${response.status} without JSON.` };
  }
  if (response.ok) return { kind: 'ok', result: body as LogQueryResult };
  const refused = body as Partial<LogQueryRefusal> | null;
  if (response.status === 400 && refused?.code === 'QUERY_REFUSED' && refused.refusal !== undefined) {
    return { kind: 'refused', refusal: refused.refusal };
  }
  return { kind: 'failed', message: failureMessage(response.status, body) };
}
