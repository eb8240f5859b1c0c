import { parseArgs } from 'node:util';
import { bookIdsOption, durationOption, numberOption, withUsageErrors } from './command-line';
import { UsageError } from '../errors';
import { readMeshState } from '../mesh/mesh-state';
import { MESH_DEFAULTS } from '../mesh/mesh';
import { formatPollResult, pollExitCode } from '../poll/poll-report';
import { poll, POLL_DEFAULTS } from '../poll/poller';
import { progressBarOn } from '../poll/progress-bar';
import { type CommandContext } from './command-context';

export const POLL_USAGE = `mirrormesh poll [--url URL] [--rate N] [--requests N | --duration 30s] [--books 1,2,4] [--user NAME]

Requests book pages and reviews through the front end at a steady rate, like the lab's poller,
and prints what the client saw: count, errors by status, p50/p95/p99.
  --url        the front end (default: the running mesh's, else http://127.0.0.1:${MESH_DEFAULTS.frontEndPort})
  --rate       requests per second (default ${POLL_DEFAULTS.rate})
  --requests   how many requests (default ${POLL_DEFAULTS.requests}); or --duration, how long
  --books      which book ids (default 1 to 10)
  --user       send "end-user: NAME", as a signed-in user does (header-based routing)

Exit code: 0 when every request got an answer below 400; 1 when any request failed (a status
of 400 or more, or no answer: no mesh running, refused, timed out); 2 for a wrong command line.`;

export async function pollCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = withUsageErrors('poll', () =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: {
        url: { type: 'string' },
        rate: { type: 'string' },
        requests: { type: 'string' },
        duration: { type: 'string' },
        books: { type: 'string' },
        user: { type: 'string' },
      },
    }),
  );
  if (values.requests !== undefined && values.duration !== undefined)
    throw new UsageError('mirrormesh poll: give --requests or --duration, not both');
  const url = values.url ?? readMeshState(ctx.stateDir)?.frontEndUrl ?? `http://${MESH_DEFAULTS.host}:${MESH_DEFAULTS.frontEndPort}`;
  if (!/^https?:\/\/[^/]+\/?$/.test(url))
    throw new UsageError(`mirrormesh poll: --url must be an http(s) origin such as http://127.0.0.1:8080 (got ${JSON.stringify(url)})`);
  const rate = numberOption('poll', 'rate', values.rate, { min: 0.1, max: 10_000 }, POLL_DEFAULTS.rate);
  const stop =
    values.duration !== undefined
      ? { durationMs: durationOption('poll', 'duration', values.duration) }
      : { requests: numberOption('poll', 'requests', values.requests, { min: 1, max: 10_000_000, integer: true }, POLL_DEFAULTS.requests) };
  const bar = progressBarOn(ctx.stderr);
  const result = await poll({
    url: url.replace(/\/$/, ''),
    pathPrefix: POLL_DEFAULTS.pathPrefix,
    books: bookIdsOption('poll', values.books, POLL_DEFAULTS.books),
    rate,
    stop,
    headers: values.user === undefined ? {} : { 'end-user': values.user },
    onProgress: (p) => bar.update(p),
    signal: ctx.signal,
  });
  bar.end();
  ctx.stdout.write(`${formatPollResult(result)}\n`);
  return pollExitCode(result);
}
