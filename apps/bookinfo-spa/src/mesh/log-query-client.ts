import { formatIssue } from '@mirrormesh/schema';
import { type CollectorOptions } from '../config/bookinfo-spa.config';
import { LogQueryRelayError } from '../errors';
import { readBoundedBody } from './bounded-body';
import { type LogQueryRefusal, type LogQueryRequest, type LogQueryResult } from './log-query.dto';
import { LOG_QUERY_LIMITS, logQueryAnswerSchema, logQueryErrorSchema } from './log-query.schema';
import { truncateRows } from './truncate-rows';

export type LogQueryOutcome =
  { readonly kind: 'result'; readonly result: LogQueryResult } | { readonly kind: 'refused'; readonly refusal: LogQueryRefusal['refusal'] };

export interface LogQueryClient {
  /** The collector's result or refusal, checked and bounded; rejects with LogQueryRelayError only. */
  run(request: LogQueryRequest): Promise<LogQueryOutcome>;
}

/** Where the collector answers Log Analytics' query API. */
export const COLLECTOR_QUERY_PATH = '/query';

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new LogQueryRelayError('bad-answer', `${what} is not JSON`);
  }
}

function interpret(status: number, bytes: Buffer): LogQueryOutcome {
  if (status === 200) {
    const parsed = logQueryAnswerSchema.safeParse(parseJson(bytes, 'the 200 answer'));
    if (!parsed.ok) throw new LogQueryRelayError('bad-answer', `the 200 answer is not a query result (${issueOf(parsed.issues)})`);
    return { kind: 'result', result: truncateRows(parsed.value.tables, LOG_QUERY_LIMITS.maxRows) };
  }
  if (status === 400) {
    const parsed = logQueryErrorSchema.safeParse(parseJson(bytes, 'the 400 answer'));
    if (!parsed.ok) throw new LogQueryRelayError('bad-answer', `the 400 answer is not a query error (${issueOf(parsed.issues)})`);
    const { error } = parsed.value;
    const inner = error.innererror;
    return {
      kind: 'refused',
      refusal: {
        code: inner?.code ?? error.code,
        message: inner?.message ?? error.message,
        line: inner?.line ?? null,
        column: inner?.pos ?? null,
      },
    };
  }
  // 404: a collector without the query API; 5xx: its failure. Either way not an answer to relay.
  throw new LogQueryRelayError('bad-answer', `answered ${status}`);
}

function issueOf(issues: readonly { path: readonly (string | number)[]; message: string }[]): string {
  const first = issues[0];
  return first === undefined ? 'invalid' : formatIssue(first, 'answer');
}

/** The fetch failure as a relay failure: the deadline passing, or the collector not there. */
function transportFailure(error: unknown, target: string): LogQueryRelayError {
  if (error instanceof LogQueryRelayError) return error;
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return new LogQueryRelayError('timeout', `POST ${target} took too long`);
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return new LogQueryRelayError('unreachable', `POST ${target} failed (${typeof cause === 'string' ? cause : String(name)})`);
}

/**
 * Relays queries to the collector's POST /query. One deadline (`queryTimeoutMs`) covers the
 * whole exchange, the answer's bytes included; the answer is read up to maxAnswerBytes and checked
 * against Log Analytics' response format before anything of it is passed on. At most maxInFlight
 * queries are relayed at once; more are refused at once rather than queued behind slow ones.
 */
export function createLogQueryClient(options: CollectorOptions | undefined): LogQueryClient {
  if (options === undefined) {
    return { run: () => Promise.reject(new LogQueryRelayError('not-configured', 'COLLECTOR_URL is not set')) };
  }
  const url = new URL(COLLECTOR_QUERY_PATH, options.url);
  const target = `${url.origin}${url.pathname}`;
  let inFlight = 0;
  const exchange = async (request: LogQueryRequest): Promise<LogQueryOutcome> => {
    const signal = AbortSignal.timeout(options.queryTimeoutMs);
    let status: number;
    let bytes: Buffer | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
      });
      status = response.status;
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > LOG_QUERY_LIMITS.maxAnswerBytes) {
        await response.body?.cancel();
        bytes = undefined;
      } else {
        bytes = await readBoundedBody(response.body, LOG_QUERY_LIMITS.maxAnswerBytes);
      }
    } catch (error) {
      throw transportFailure(error, target);
    }
    if (bytes === undefined) {
      throw new LogQueryRelayError('answer-too-large', `the answer (${status}) is larger than ${LOG_QUERY_LIMITS.maxAnswerBytes} bytes`);
    }
    return interpret(status, bytes);
  };
  return {
    async run(request) {
      // Counted before any work: a refused query costs nothing.
      if (inFlight >= LOG_QUERY_LIMITS.maxInFlight) throw new LogQueryRelayError('busy', `${inFlight} queries in flight`);
      inFlight += 1;
      try {
        return await exchange(request);
      } finally {
        inFlight -= 1;
      }
    },
  };
}
