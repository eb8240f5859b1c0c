import { Controller, Get, Query } from '@nestjs/common';
import { ProblemException } from '@mirrormesh/service-kit';
import { TelemetryStore, type StoreStats } from '../storage/telemetry-store';
import { KqlRunner } from './kql-runner';
import { QueryBusyError, QueryTimeoutError } from './query-errors';
import { MAX_CONTAINS_LENGTH } from './query-limits';
import { readSummaryRows, summaryQuery, type SummaryRow } from './summary-query';
import { parseTimeBound, type TimeBound } from './time-window';

/** Most rows answered: names are route templates, so more means raw paths leaked into names. */
export const MAX_SUMMARY_ROWS = 10_000;

export interface RequestsSummaryResponse {
  readonly rows: readonly SummaryRow[];
  /** True when more than MAX_SUMMARY_ROWS groups matched and only the first were answered. */
  readonly truncated: boolean;
}

/** The lab's Log Analytics query over what the collector stored, and the store's counters. */
@Controller('query')
export class QueryController {
  constructor(
    private readonly store: TelemetryStore,
    private readonly runner: KqlRunner,
  ) {}

  /**
   * `?contains=MIR-&since=15m&until=<ISO>`: rows sorted by name, podVersion, resultCode. The lab's
   * KQL run as `POST /query` runs it (summaryQuery), so both always agree.
   */
  @Get('requests-summary')
  async requestsSummary(
    @Query('contains') contains?: unknown,
    @Query('since') since?: unknown,
    @Query('until') until?: unknown,
  ): Promise<RequestsSummaryResponse> {
    if (contains !== undefined && (typeof contains !== 'string' || contains.length > MAX_CONTAINS_LENGTH)) {
      throw new ProblemException(400, 'BAD_QUERY', `contains must be one text of at most ${MAX_CONTAINS_LENGTH} characters`);
    }
    const query = summaryQuery({
      contains,
      since: timeParam('since', since),
      until: timeParam('until', until),
      take: MAX_SUMMARY_ROWS + 1,
    });
    const rows = readSummaryRows((await this.run(query)).tables[0] ?? { name: 'PrimaryResult', columns: [], rows: [] });
    return { rows: rows.slice(0, MAX_SUMMARY_ROWS), truncated: rows.length > MAX_SUMMARY_ROWS };
  }

  @Get('stats')
  stats(): StoreStats {
    return this.store.stats();
  }

  /** The query thread's refusals as this endpoint's problems (a refused summary query would be a bug: 500). */
  private async run(query: string) {
    try {
      return await this.runner.run(query);
    } catch (error) {
      if (error instanceof QueryBusyError || error instanceof QueryTimeoutError) {
        throw new ProblemException(error.status, error.code.replace(/^ERR_/, ''), error.message);
      }
      throw error;
    }
  }
}

function timeParam(name: string, value: unknown): TimeBound | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' ? parseTimeBound(value) : 'must be given once';
  if (typeof parsed === 'string') throw new ProblemException(400, 'BAD_QUERY', `${name} ${parsed}`);
  return parsed;
}
