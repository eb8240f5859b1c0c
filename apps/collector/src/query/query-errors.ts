import { CollectorError } from '../errors';
import { type QueryRefusal } from './kql-messages';

/** The query itself is wrong or asks for what the local collector does not run: 400, with where. */
export class QueryRefusedError extends CollectorError {
  readonly status = 400;
  constructor(readonly refusal: QueryRefusal) {
    super('ERR_QUERY_REFUSED', refusal.message);
  }
}

/** Too many queries already wait: 503, try again. */
export class QueryBusyError extends CollectorError {
  readonly status = 503;
  constructor(waiting: number) {
    super('ERR_QUERY_BUSY', `${waiting} queries are running or waiting; try again shortly`);
  }
}

/** The query ran past its deadline and was stopped: 504. */
export class QueryTimeoutError extends CollectorError {
  readonly status = 504;
  constructor(timeoutMs: number) {
    super('ERR_QUERY_TIMEOUT', `the query ran longer than ${timeoutMs / 1000} s and was stopped: narrow it with where or take`);
  }
}

/** The query thread failed (out of memory, the database unreadable): 500, the query may be run again. */
export class QueryFailedError extends CollectorError {
  readonly status = 500;
  constructor(why: string) {
    super('ERR_QUERY_FAILED', why);
  }
}
