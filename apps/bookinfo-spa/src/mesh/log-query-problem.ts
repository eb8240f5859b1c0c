import { Logger } from '@nestjs/common';
import { ProblemException } from '@mirrormesh/service-kit';
import { type LogQueryRelayFailure } from '../errors';
import { type LogQueryRefusal } from './log-query.dto';
import { LOG_QUERY_LIMITS } from './log-query.schema';

const MIB = 1024 * 1024;

/** What the browser is told for each relay failure: the status, a stable code, and words without the cause. */
const RELAY_PROBLEMS: Readonly<Record<LogQueryRelayFailure, { status: number; code: string; detail: string }>> = {
  'not-configured': {
    status: 503,
    code: 'COLLECTOR_NOT_CONFIGURED',
    detail: 'No collector is configured (COLLECTOR_URL): there is no telemetry to query.',
  },
  busy: {
    status: 503,
    code: 'QUERIES_BUSY',
    detail: `${LOG_QUERY_LIMITS.maxInFlight} queries are already running: try again when one has finished.`,
  },
  unreachable: { status: 503, code: 'COLLECTOR_UNREACHABLE', detail: 'The collector could not be reached; try again shortly.' },
  timeout: { status: 504, code: 'COLLECTOR_TIMEOUT', detail: 'The collector did not answer in time: narrow the query, or try again.' },
  'answer-too-large': {
    status: 502,
    code: 'QUERY_ANSWER_TOO_LARGE',
    detail: `The answer is larger than ${LOG_QUERY_LIMITS.maxAnswerBytes / MIB} MiB: narrow the query with where, summarize, project or take.`,
  },
  'bad-answer': { status: 502, code: 'COLLECTOR_BAD_ANSWER', detail: 'The collector answered with something that is not a query result.' },
};

const logger = new Logger('LogQuery');

/** The one place relay failures become HTTP answers; the cause goes to the log only. */
export function relayProblem(failure: LogQueryRelayFailure, cause: string): ProblemException {
  if (failure !== 'not-configured' && failure !== 'busy') logger.warn(cause);
  const { status, code, detail } = RELAY_PROBLEMS[failure];
  return new ProblemException(status, code, detail);
}

/** The query is larger than is relayed. */
export class QueryTooLargeException extends ProblemException {
  constructor() {
    super(413, 'QUERY_TOO_LARGE', `query must be at most ${LOG_QUERY_LIMITS.maxQueryBytes} bytes (UTF-8)`);
  }
}

/** The collector refused the query: its message and where, relayed as a problem with a `refusal` member. */
export class QueryRefusedException extends ProblemException {
  constructor(private readonly refusal: LogQueryRefusal['refusal']) {
    super(400, 'QUERY_REFUSED', refusal.message);
  }

  override getResponse(): object {
    return { ...(super.getResponse() as object), refusal: this.refusal };
  }
}
