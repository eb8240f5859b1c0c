import { CollectorError } from '../errors';
import { parseReportArgs, REPORT_USAGE } from './report-args';
import { fetchSummary } from './fetch-summary';
import { formatSummaryJson, formatSummaryTable } from './report-table';

export interface ReportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** The `mirrormesh-report` command; returns the exit code (0 ok, 1 collector problem, 2 usage). */
export async function runReport(argv: readonly string[], io: ReportIo): Promise<number> {
  const args = parseReportArgs(argv, io.env);
  if (typeof args === 'string') {
    io.err(`mirrormesh-report: ${args}\n${REPORT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  try {
    const rows = await fetchSummary(args.url, { contains: args.contains, since: args.since });
    io.out(args.json ? formatSummaryJson(rows) : formatSummaryTable(rows));
    return 0;
  } catch (error) {
    if (!(error instanceof CollectorError)) throw error;
    io.err(`mirrormesh-report: ${error.message}\n`);
    return 1;
  }
}
