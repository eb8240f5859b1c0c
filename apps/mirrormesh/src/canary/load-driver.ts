import { parseArgs } from 'node:util';
import { bookIdsOption, numberOption, withUsageErrors } from '../commands/command-line';
import { UsageError } from '../errors';
import { poll, POLL_DEFAULTS, type PollResult } from '../poll/poller';

/**
 * The load runs until the analysis ends; this bounds a run nobody stops (the poller keeps one
 * latency per request: 8 MB at this cap).
 */
export const LOAD_MAX_REQUESTS = 1_000_000;

export interface LoadPlan {
  readonly url: string;
  readonly rate: number;
  readonly books: readonly number[];
  readonly headers: Readonly<Record<string, string>>;
}

/** Splits `--url http://x --user "a b"` as a shell would (double or single quotes, no escapes). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}

/**
 * `--load "<poll args>"`: the traffic `mirrormesh poll` would send (--url, --rate, --books,
 * --user), for as long as the analysis runs, as Flagger's load tester does.
 */
export function parseLoad(text: string, defaultUrl: string | undefined): LoadPlan {
  const { values } = withUsageErrors('canary --load', () =>
    parseArgs({
      args: splitArgs(text),
      strict: true,
      options: { url: { type: 'string' }, rate: { type: 'string' }, books: { type: 'string' }, user: { type: 'string' } },
    }),
  );
  const url = values.url ?? defaultUrl;
  if (url === undefined) throw new UsageError('mirrormesh canary --load: give --url (no mesh is running to take its front end from)');
  if (!/^https?:\/\/[^/]+\/?$/.test(url))
    throw new UsageError(
      `mirrormesh canary --load: --url must be an http(s) origin such as http://127.0.0.1:8080 (got ${JSON.stringify(url)})`,
    );
  return {
    url: url.replace(/\/$/, ''),
    rate: numberOption('canary --load', 'rate', values.rate, { min: 0.1, max: 10_000 }, POLL_DEFAULTS.rate),
    books: bookIdsOption('canary --load', values.books, POLL_DEFAULTS.books),
    headers: values.user === undefined ? {} : { 'end-user': values.user },
  };
}

/** Starts the load; `stop()` ends it and resolves with what its users saw. */
export function startLoad(plan: LoadPlan): { stop(): Promise<PollResult> } {
  const stop = new AbortController();
  const running = poll({
    url: plan.url,
    pathPrefix: POLL_DEFAULTS.pathPrefix,
    books: plan.books,
    rate: plan.rate,
    stop: { requests: LOAD_MAX_REQUESTS },
    headers: plan.headers,
    signal: stop.signal,
  });
  return {
    stop: () => {
      stop.abort();
      return running;
    },
  };
}
