import { Controller, Get, Query } from '@nestjs/common';
import { ProblemException } from '@mirrormesh/service-kit';
import { TelemetryStore, type StoreStats } from '../storage/telemetry-store';
import { summarizeRequests, type SummaryRow } from './requests-summary';
import { MAX_CONTAINS_LENGTH } from './query-limits';
import { parseSince } from './time-window';

/** Most rows answered: names are route templates, so more means raw paths leaked into names. */
export const MAX_SUMMARY_ROWS = 10_000;

export interface RequestsSummaryResponse {
  readonly rows: readonly SummaryRow[];
  /** True when more than MAX_SUMMARY_ROWS groups matched and only the first were answered. */
  readonly truncated: boolean;
}

/** The lab's Log Analytics query over what the collector stored. */
@Controller('query')
export class QueryController {
  constructor(private readonly store: TelemetryStore) {}

  /** `?contains=MIR-&since=15m&until=<ISO>`: rows sorted by name, podVersion, resultCode. */
  @Get('requests-summary')
  requestsSummary(
    @Query('contains') contains?: string,
    @Query('since') since?: string,
    @Query('until') until?: string,
  ): RequestsSummaryResponse {
    const now = Date.now();
    if (contains !== undefined && (typeof contains !== 'string' || contains.length > MAX_CONTAINS_LENGTH)) {
      throw new ProblemException(400, 'BAD_QUERY', `contains must be one text of at most ${MAX_CONTAINS_LENGTH} characters`);
    }
    const window = { since: timeParam('since', since, now), until: timeParam('until', until, now) };
    // The window bounds the SQL scan too (on the timestamp index); the summary still applies it.
    const rows = summarizeRequests(this.store.requests({ from: window.since, to: window.until }), { contains, ...window });
    return { rows: rows.slice(0, MAX_SUMMARY_ROWS), truncated: rows.length > MAX_SUMMARY_ROWS };
  }

  @Get('stats')
  stats(): StoreStats {
    return this.store.stats();
  }
}

function timeParam(name: string, value: unknown, now: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' ? parseSince(value, now) : 'must be given once';
  if (typeof parsed === 'string') throw new ProblemException(400, 'BAD_QUERY', `${name} ${parsed}`);
  return parsed;
}
