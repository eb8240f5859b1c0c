import { Body, Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { formatIssue } from '@mirrormesh/schema';
import { ProblemException } from '@mirrormesh/service-kit';
import { LogQueryRelayError } from '../errors';
import { type LogQueryClient, type LogQueryOutcome } from './log-query-client';
import { type LogQueryResult } from './log-query.dto';
import { QueryRefusedException, QueryTooLargeException, relayProblem } from './log-query-problem';
import { LOG_QUERY_LIMITS, logQueryRequestSchema } from './log-query.schema';
import { MESH_PATH } from './mesh.controller';
import { LOG_QUERY_CLIENT } from './mesh.tokens';

/** The Mirror page's Log Analytics box: KQL relayed to the collector, so the browser never talks to it. */
@Controller(MESH_PATH)
export class LogQueryController {
  constructor(@Inject(LOG_QUERY_CLIENT) private readonly client: LogQueryClient) {}

  /** `{query, timespan?}` → Log Analytics' answer (200), the collector's refusal (400 QUERY_REFUSED), or why it could not be asked. */
  @Post('query')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async query(@Body() body: unknown): Promise<LogQueryResult> {
    const parsed = logQueryRequestSchema.safeParse(body ?? {});
    if (!parsed.ok) {
      throw new ProblemException(400, 'INVALID_QUERY_REQUEST', parsed.issues.map((issue) => formatIssue(issue, 'body')).join('; '));
    }
    const request = parsed.value;
    if (Buffer.byteLength(request.query, 'utf8') > LOG_QUERY_LIMITS.maxQueryBytes) throw new QueryTooLargeException();
    let outcome: LogQueryOutcome;
    try {
      outcome = await this.client.run(request.timespan === undefined ? { query: request.query } : request);
    } catch (error) {
      if (error instanceof LogQueryRelayError) throw relayProblem(error.failure, error.message);
      throw error;
    }
    if (outcome.kind === 'refused') throw new QueryRefusedException(outcome.refusal);
    return outcome.result;
  }
}
