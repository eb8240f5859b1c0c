import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { QueryBusyError, QueryFailedError, QueryRefusedError, QueryTimeoutError } from './query-errors';

/** Log Analytics' error body: `{error: {code, message, innererror?}}`. */
export interface LogAnalyticsError {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly innererror?: { readonly code: string; readonly message: string; readonly line?: number; readonly pos?: number };
  };
}

/** Log Analytics' error code for each status the query thread's failures carry. */
const LOG_ANALYTICS_CODES = { 500: 'InternalServerError', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' } as const;

/** The query API's failures in Log Analytics' shape, status and code, so its clients read them as they read Azure's. */
export function logAnalyticsError(error: unknown): { status: number; body: LogAnalyticsError } {
  if (error instanceof QueryRefusedError) {
    const { code, message, line, column } = error.refusal;
    const position = line === undefined || column === undefined ? {} : { line, pos: column };
    return { status: error.status, body: { error: { code: 'BadArgumentError', message, innererror: { code, message, ...position } } } };
  }
  if (error instanceof QueryBusyError || error instanceof QueryTimeoutError || error instanceof QueryFailedError) {
    return { status: error.status, body: { error: { code: LOG_ANALYTICS_CODES[error.status], message: error.message } } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, body: { error: { code: status === 413 ? 'PayloadTooLarge' : 'BadArgumentError', message: error.message } } };
  }
  // Fastify's own refusals (malformed JSON, a body past its limit, an unknown media type) carry their status.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { error: { code: status === 413 ? 'PayloadTooLarge' : 'BadArgumentError', message: (error as Error).message } },
    };
  }
  return { status: 500, body: { error: { code: 'InternalServerError', message: 'The query failed on the collector; its log says why.' } } };
}

/** Writes the query API's errors as Log Analytics does, instead of the service's problem+json. */
@Catch()
export class LogAnalyticsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('QueryApi');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = logAnalyticsError(error);
    if (status >= 500) this.logger.error(`query failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!reply.sent) void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
