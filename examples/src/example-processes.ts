import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';

/** How long a stopped process gets after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 5_000;
/** Output kept per process for failure messages. */
const OUTPUT_LIMIT_CHARS = 64 * 1024;

export interface ExampleProcess {
  readonly pid: number;
  /** stdout and stderr so far (their tail), for failure messages. */
  output(): string;
  /** SIGTERM, SIGKILL after STOP_GRACE_MS; resolves once it exited. Safe to call twice. */
  stop(): Promise<void>;
}

export interface BookService extends ExampleProcess {
  /** host:port, as a sidecar cluster endpoint. */
  readonly endpoint: string;
}

export interface Sidecar extends ExampleProcess {
  readonly url: string;
  readonly adminUrl: string;
}

/** Starts `node script` with only `env` (and PATH), resolving once `ready` matches its output. */
async function startReady(name: string, script: string, args: string[], env: Record<string, string>, ready: RegExp) {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  const pid = child.pid;
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(startTimeoutError(name, String(ready), output)));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-OUTPUT_LIMIT_CHARS);
      const found = ready.exec(output);
      if (found === null) return;
      clearTimeout(timer);
      resolve(found);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${output}`));
    });
  });
  return { match, process: { pid, output: () => output, stop } satisfies ExampleProcess };
}

/** The built book service (`apps/book-service/dist/main.js`) on 127.0.0.1, a free port; `env` picks VERSION_TAG and the variant. */
export async function startBookService(env: Record<string, string> = {}): Promise<BookService> {
  const { match, process } = await startReady(
    `book service ${env.VERSION_TAG ?? ''}`.trimEnd(),
    require.resolve('@mirrormesh/book-service'),
    [],
    { HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'common', NO_COLOR: '1', ...env },
    /listening on http:\/\/([\d.]+:\d+)/,
  );
  return { ...process, endpoint: match[1] ?? '' };
}

/**
 * Starts the built sidecar (`apps/sidecar/dist/main.js --config`) on a copy of an example's config
 * in which only addresses change: listener and admin on 127.0.0.1 port 0, and each endpoint the
 * example names replaced by the one in `endpoints` (every endpoint must be given). Routing,
 * faults and cluster policy stay as the example has them. The file is not watched.
 */
export async function startSidecar(
  configFile: string,
  endpoints: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Sidecar> {
  const config = parse(readFileSync(configFile, 'utf8')) as {
    listener?: object;
    admin?: object;
    clusters: { endpoints: string[] }[];
  };
  config.listener = { ...config.listener, host: '127.0.0.1', port: 0 };
  config.admin = { ...config.admin, host: '127.0.0.1', port: 0 };
  for (const cluster of config.clusters) {
    cluster.endpoints = cluster.endpoints.map((endpoint) => {
      const actual = endpoints[endpoint];
      if (actual === undefined) throw new Error(`${configFile}: no endpoint given for ${endpoint}`);
      return actual;
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'examples-'));
  const file = join(dir, basename(configFile));
  writeFileSync(file, stringify(config));
  try {
    const { match, process } = await startReady(
      'sidecar',
      require.resolve('@mirrormesh/sidecar'),
      ['--config', file],
      { WATCH_CONFIG: 'false', ...env },
      /"msg":"listening".*?"listener":"([^"]+)".*?"admin":"([^"]+)"/,
    );
    return {
      ...process,
      url: `http://${match[1] ?? ''}`,
      adminUrl: `http://${match[2] ?? ''}`,
      stop: async () => {
        await process.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
