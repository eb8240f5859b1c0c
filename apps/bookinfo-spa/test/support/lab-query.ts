import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstKustoBlock } from '../../web/src/log-analytics/kusto-block';

/** Where the lab's queries live; the Mirror page preloads the first one from there at build time. */
export const LAB_QUERIES_FILE = join(__dirname, '..', '..', '..', 'collector', 'queries', 'LogAnalyticsQuery.md');

/** The lab's query, as the file has it. */
export function labQuery(): string {
  const query = firstKustoBlock(readFileSync(LAB_QUERIES_FILE, 'utf8'));
  if (query === undefined) throw new Error(`no kusto block in ${LAB_QUERIES_FILE}`);
  return query;
}
