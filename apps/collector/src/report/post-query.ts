import { ReportError } from '../errors';
import { parseQueryAnswer, parseQueryProblem, type QueryAnswer, type QueryProblem } from './query-answer';

/** How long a query may take before the client gives up (the collector bounds its own work too). */
export const QUERY_TIMEOUT_MS = 60_000;

/** The query API refused the query itself (syntax, an unknown column, an unsupported operator). */
export class QueryRefusedError extends ReportError {
  constructor(readonly problem: QueryProblem) {
    super(problem.message);
  }
}

/**
 * `POST /query` on a running collector, as Log Analytics' API takes it: `{query, timespan}`.
 * Rejects with QueryRefusedError when the query is wrong, ReportError when the collector cannot answer.
 */
export async function postQuery(baseUrl: string, query: string, timespan?: string): Promise<QueryAnswer> {
  const url = new URL('/query', baseUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(timespan === undefined ? { query } : { query, timespan }),
      signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ReportError(`cannot reach the collector at ${url.origin} (${why}); is it running? (--url / COLLECTOR_URL)`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReportError(`the collector answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const problem = parseQueryProblem(body);
    if (problem !== undefined && response.status === 400) throw new QueryRefusedError(problem);
    throw new ReportError(`the collector answered ${response.status}: ${problem?.message ?? text.slice(0, 300)}`);
  }
  const answer = parseQueryAnswer(body);
  if (answer === undefined) throw new ReportError('the collector answered with something that is not a query result ({tables: [...]})');
  return answer;
}
