import { ReportError } from '../errors';
import { type SummaryRow } from '../query/requests-summary';

/** How long the report waits for the collector before giving up. */
export const REPORT_TIMEOUT_MS = 10_000;

/** GET /query/requests-summary from a running collector. */
export async function fetchSummary(baseUrl: string, filter: { contains: string; since?: string | undefined }): Promise<SummaryRow[]> {
  const url = new URL('/query/requests-summary', baseUrl);
  url.searchParams.set('contains', filter.contains);
  if (filter.since !== undefined) url.searchParams.set('since', filter.since);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(REPORT_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ReportError(`cannot reach the collector at ${url.origin} (${why}); is it running? (--url / COLLECTOR_URL)`);
  }
  const text = await response.text();
  if (!response.ok) throw new ReportError(`the collector answered ${response.status}: ${text.slice(0, 300)}`);
  try {
    return (JSON.parse(text) as { rows: SummaryRow[] }).rows;
  } catch {
    throw new ReportError('the collector answered with something that is not the summary JSON');
  }
}
