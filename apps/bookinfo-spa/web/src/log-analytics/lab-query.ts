import queries from '../../../../collector/queries/LogAnalyticsQuery.md?raw';
import { firstKustoBlock } from './kusto-block';

/**
 * The lab's query as the collector's LogAnalyticsQuery.md has it (its first kusto block),
 * inlined when the web app is built: one source for the page, the docs and the collector's tests.
 */
export const LAB_QUERY: string = firstKustoBlock(queries) ?? '';
