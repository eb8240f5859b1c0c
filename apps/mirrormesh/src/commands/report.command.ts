import { CollectorError, fetchSummary, formatSummaryJson, formatSummaryTable, parseReportArgs } from '@mirrormesh/collector';
import { MeshError, NoMeshError, UsageError } from '../errors';
import { readMeshState } from '../mesh/mesh-state';
import { type CommandContext } from './command-context';

export const REPORT_USAGE = `mirrormesh report [--json] [--url URL] [--contains MIR-] [--since 15m]

Prints the live-vs-mirror table (the lab's Log Analytics query) from the local collector:
the running mesh's, unless --url or COLLECTOR_URL names another.
  --json       print the rows as JSON instead of a table
  --url        the collector's query base URL, an absolute http(s) URL
  --contains   keep items whose VersionTag contains this text, at most 200 characters ("" for all)
  --since      time window: 30s, 15m, 2h, 7d or an ISO 8601 date-time (default: everything stored)

Exit code: 0 with the table, 1 when no mesh runs or the collector cannot answer, 2 for a wrong option.`;

export async function reportCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  // Every option is checked here, so the user reads the option and its rule, not the collector's 400.
  const args = parseReportArgs(argv, process.env);
  if (typeof args === 'string') throw new UsageError(`mirrormesh report: ${args}`);
  const named = argv.some((arg) => arg === '--url' || arg.startsWith('--url=')) || (process.env.COLLECTOR_URL ?? '') !== '';
  const url = named ? args.url : readMeshState(ctx.stateDir)?.collectorUrl;
  if (url === undefined) throw new NoMeshError('report', ctx.stateDir);
  let rows;
  try {
    rows = await fetchSummary(url, { contains: args.contains, since: args.since });
  } catch (error) {
    if (error instanceof CollectorError) throw new MeshError(`mirrormesh report: ${error.message}`);
    throw error;
  }
  ctx.stdout.write(args.json ? formatSummaryJson(rows) : formatSummaryTable(rows));
  return 0;
}
