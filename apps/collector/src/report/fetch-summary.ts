import { ReportError } from '../errors';
import { readSummaryRows, summaryQuery, type SummaryRow } from '../query/summary-query';
import { parseTimeBound } from '../query/time-window';
import { postQuery } from './post-query';

/**
 * The lab's summary from a running collector: its query (summaryQuery) posted to the query API,
 * as `mirrormesh query` would post it, the answer read as summary rows.
 */
export async function fetchSummary(baseUrl: string, filter: { contains: string; since?: string | undefined }): Promise<SummaryRow[]> {
  const since = filter.since === undefined ? undefined : parseTimeBound(filter.since);
  if (typeof since === 'string') throw new ReportError(`since ${since}`);
  const answer = await postQuery(baseUrl, summaryQuery({ contains: filter.contains, since }));
  const table = answer.tables[0];
  if (table === undefined) throw new ReportError('the collector answered the summary query with no table');
  return readSummaryRows(table);
}
