import { Body, Controller, Get, Header, Headers, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { type QueryResult } from '@mirrormesh/kql';
import { KqlRunner } from './kql-runner';
import { LogAnalyticsErrorFilter } from './log-analytics-error.filter';
import { decodeQueryBody, readQueryRequest } from './log-analytics-request';

/**
 * Log Analytics' query API over the stored telemetry: the lab's KQL, or any query over
 * `requests` and `dependencies`, answered as Azure answers it (`{tables: [...]}`, or its errors).
 */
@Controller('query')
@UseFilters(LogAnalyticsErrorFilter)
export class LogAnalyticsController {
  constructor(private readonly runner: KqlRunner) {}

  /** `{query, timespan?}` as JSON, or the query as text/plain (`?timespan=` beside it). */
  @Post()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  post(@Body() body: unknown, @Headers('content-type') contentType?: string, @Query('timespan') timespan?: unknown): Promise<QueryResult> {
    const request = readQueryRequest(decodeQueryBody(body, contentType), timespan);
    return this.runner.run(request.query, request.timespan);
  }

  /** `?query=<KQL>&timespan=PT15M`, as Log Analytics' GET form. */
  @Get()
  @Header('cache-control', 'no-store')
  get(@Query('query') query?: unknown, @Query('timespan') timespan?: unknown): Promise<QueryResult> {
    const request = readQueryRequest({ query, ...(timespan === undefined ? {} : { timespan }) });
    return this.runner.run(request.query, request.timespan);
  }
}
