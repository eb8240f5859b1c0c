import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CollectorError,
  formatQueryCsv,
  formatQueryTable,
  kustoBlocks,
  postQuery,
  QueryRefusedError,
  type KustoBlock,
  type QueryAnswer,
} from '@mirrormesh/collector';
import { CliError, NoMeshError, UsageError } from '../errors';
import { readMeshState } from '../mesh/mesh-state';
import { withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';
import { pointAt } from './query-position';

export const QUERY_USAGE = `mirrormesh query [--url URL] [--timespan PT15M] [--json | --csv] ('<KQL>' | -f FILE [--block N])

Runs Kusto (KQL) queries over the telemetry the local collector stored, as Log Analytics runs them
over Application Insights' requests and dependencies tables: paste the lab's query as it is.
  -f, --file   a .md file (its \`\`\`kusto / \`\`\`kql blocks run in order) or a file holding one query
  --block      only the N-th block of a Markdown file (1-based)
  --timespan   Log Analytics' timespan (ISO 8601: PT15M, P1D, start/end): restricts timestamp
  --url        the collector's query base URL (default: the running mesh's, or COLLECTOR_URL)
  --json       the query API's answer ({tables: [...]}); with several queries, [{query, tables}]
  --csv        the result as CSV (RFC 4180), a blank line between queries

Exit code: 0 with the results, 1 when a query is refused (what and where) or the collector cannot
answer, 2 for a wrong option.`;

interface NamedQuery extends KustoBlock {
  /** Where it came from, for messages: the file and its line, or "the command line". */
  readonly origin: string;
}

function queriesOf(values: { file?: string; block?: string }, positionals: readonly string[]): NamedQuery[] {
  if (values.file === undefined) {
    if (positionals.length !== 1) throw new UsageError("mirrormesh query: give one query ('<KQL>', quoted) or -f FILE");
    if (values.block !== undefined) throw new UsageError('mirrormesh query: --block goes with -f FILE.md');
    return [{ query: positionals[0] as string, line: 1, origin: 'the command line' }];
  }
  if (positionals.length > 0) throw new UsageError('mirrormesh query: give a query or -f FILE, not both');
  let text: string;
  try {
    text = readFileSync(values.file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `mirrormesh query: cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const markdown = ['.md', '.markdown'].includes(extname(values.file).toLowerCase());
  const all = markdown ? kustoBlocks(text) : [{ query: text, line: 1 }];
  if (all.length === 0) throw new UsageError(`mirrormesh query: ${values.file} has no \`\`\`kusto or \`\`\`kql block`);
  const named = all.map((block) => ({ ...block, origin: `${values.file}:${block.line}` }));
  if (values.block === undefined) return named;
  const n = Number(values.block);
  if (!Number.isInteger(n) || n < 1 || n > named.length)
    throw new UsageError(
      `mirrormesh query: --block must be 1 to ${named.length} (${values.file} has ${named.length}; got ${JSON.stringify(values.block)})`,
    );
  return [named[n - 1] as NamedQuery];
}

function collectorUrl(given: string | undefined, ctx: CommandContext): string {
  const url = given ?? (process.env.COLLECTOR_URL || undefined) ?? readMeshState(ctx.stateDir)?.collectorUrl;
  if (url === undefined) throw new NoMeshError('query', ctx.stateDir);
  if (!/^https?:\/\/[^/]+\/?$/.test(url))
    throw new UsageError(
      `mirrormesh query: --url must be an http(s) origin such as http://127.0.0.1:4319 (got ${JSON.stringify(url.slice(0, 100))})`,
    );
  return url;
}

export async function queryCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = withUsageErrors('query', () =>
    parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        block: { type: 'string' },
        timespan: { type: 'string' },
        url: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
      },
    }),
  );
  if (values.json === true && values.csv === true) throw new UsageError('mirrormesh query: --json or --csv, not both');
  const queries = queriesOf(values, positionals);
  const url = collectorUrl(values.url, ctx);
  const answers: { query: string; answer: QueryAnswer }[] = [];
  for (const named of queries) {
    try {
      answers.push({ query: named.query, answer: await postQuery(url, named.query, values.timespan) });
    } catch (error) {
      if (error instanceof QueryRefusedError)
        throw new CliError(`mirrormesh query: ${named.origin}: ${error.message}${pointAt(named.query, error.problem)}`);
      if (error instanceof CollectorError) throw new CliError(`mirrormesh query: ${error.message}`);
      throw error;
    }
  }
  ctx.stdout.write(render(answers, values.json === true ? 'json' : values.csv === true ? 'csv' : 'table'));
  return 0;
}

function render(answers: readonly { query: string; answer: QueryAnswer }[], format: 'json' | 'csv' | 'table'): string {
  if (format === 'json') {
    const document = answers.length === 1 ? answers[0]?.answer : answers.map(({ query, answer }) => ({ query, tables: answer.tables }));
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const one = (answer: QueryAnswer) =>
    answer.tables.map((table) => (format === 'csv' ? formatQueryCsv(table) : formatQueryTable(table))).join('\n');
  if (answers.length === 1) return one((answers[0] as { answer: QueryAnswer }).answer);
  // Several queries: each under its text, as a reader of the file saw it.
  return answers.map(({ query, answer }) => (format === 'csv' ? one(answer) : `${query}\n\n${one(answer)}`)).join('\n');
}
