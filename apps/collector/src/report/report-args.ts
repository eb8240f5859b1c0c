import { MAX_CONTAINS_LENGTH } from '../query/query-limits';
import { parseTimeBound } from '../query/time-window';

/** Where the report reads by default: the collector's plain-HTTP query listener. */
export const DEFAULT_REPORT_URL = 'http://127.0.0.1:4480';
export const DEFAULT_REPORT_CONTAINS = 'MIR-';

export interface ReportArgs {
  readonly json: boolean;
  readonly url: string;
  readonly contains: string;
  readonly since: string | undefined;
  readonly help: boolean;
}

export const REPORT_USAGE = `usage: mirrormesh-report [--json] [--url ${DEFAULT_REPORT_URL}] [--contains ${DEFAULT_REPORT_CONTAINS}] [--since 15m]
  --json       print the rows as JSON instead of a table
  --url        the collector's query base URL (env COLLECTOR_URL)
  --contains   keep items whose VersionTag contains this text ("" for all)
  --since      time window: 30s, 15m, 2h, 7d or an ISO 8601 date-time (default: everything stored)
`;

/** Parses the report's command line; returns the problem in words when it is wrong. */
export function parseReportArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ReportArgs | string {
  let json = false;
  let help = false;
  let url = env['COLLECTOR_URL'] !== undefined && env['COLLECTOR_URL'] !== '' ? env['COLLECTOR_URL'] : DEFAULT_REPORT_URL;
  let contains = DEFAULT_REPORT_CONTAINS;
  let since: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++index];
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--url':
      case '--contains':
      case '--since': {
        const given = value();
        if (given === undefined) return `${flag} needs a value`;
        if (flag === '--url') url = given;
        else if (flag === '--contains') contains = given;
        else since = given;
        break;
      }
      default:
        return `unknown argument "${arg.slice(0, 60)}"`;
    }
  }
  // Checked here, with the option's name, rather than relayed as the collector's 400 problem.
  if (since !== undefined) {
    const rule = parseTimeBound(since);
    if (typeof rule === 'string') return `--since ${rule} (got ${JSON.stringify(since.slice(0, 60))})`;
  }
  if (contains.length > MAX_CONTAINS_LENGTH) return `--contains must be at most ${MAX_CONTAINS_LENGTH} characters`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '--url must be an http(s) URL';
  } catch {
    return '--url must be an absolute http(s) URL';
  }
  return { json, url, contains, since, help };
}
