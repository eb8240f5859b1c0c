import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/** Output kept per child for error messages: the tail, bounded, since a corpus makes logs grow. */
export const OUTPUT_LIMIT_CHARS = 256 * 1024;
/** How long a stopped child gets to exit after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 5_000;
/** How long a child may take to print its ready line (Nest apps load in 1–3 s on a busy 2-core box). */
export const START_TIMEOUT_MS = 20_000;
/** A marker is looked for line by line; a longer unfinished line keeps only its tail. */
const MAX_PENDING_LINE_CHARS = 4_096;

export interface StartOptions {
  /** Run inside this network namespace (`ip netns exec NAME node ...`); `ip` execs node, so the pid is node's. */
  readonly netns?: string;
  /** The child's whole environment, with PATH and NODE_ENV=production unless set here. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /**
   * What becomes of stdout (stderr is always kept): `keep` (the default) keeps its tail with
   * stderr's; `ignore` sends it nowhere (a sidecar's access log under load would cost the test
   * process that reads it); `protocol` pipes stdin too and hands stdout to the caller
   * (`child.process.stdout`) for a line protocol.
   */
  readonly stdout?: 'keep' | 'ignore' | 'protocol';
  /** Global regexp: every distinct match in the output is collected in `seen()` (markers that reached the child). */
  readonly watch?: RegExp;
}

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

/** A child process this suite started, stopped only by its own pid. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  alive(): boolean;
  /** The last OUTPUT_LIMIT_CHARS of what it printed. */
  output(): string;
  /** Every distinct match of `watch` seen so far. */
  seen(): ReadonlySet<string>;
  /** Resolves the first match of `line` in the output; fails when the child exits first or after `timeoutMs`. */
  waitForLine(line: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM (or `signal`), SIGKILL after STOP_GRACE_MS; resolves once it exited. Safe to call twice. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The Node flags every mirrormesh process runs with (as apps/mirrormesh/src/mesh/runtime-flags.ts says why). */
export const RUNTIME_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

const started = new Set<Child>();

/**
 * Starts `node script args` (inside a network namespace when asked) with only the environment
 * given, keeping the tail of its output and the markers it printed. Every child is remembered
 * until it exits, so `stopAllStarted` can stop whatever a failed test left behind.
 */
export function startNode(name: string, script: string, args: readonly string[], options: StartOptions = {}): Child {
  const command = options.netns === undefined ? process.execPath : 'ip';
  const node = [...RUNTIME_NODE_FLAGS, script, ...args];
  const argv = options.netns === undefined ? node : ['netns', 'exec', options.netns, process.execPath, ...node];
  const stdout = options.stdout ?? 'keep';
  const child = spawn(command, argv, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', ...options.env },
    stdio: [stdout === 'protocol' ? 'pipe' : 'ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  let output = '';
  let pending = '';
  const seen = new Set<string>();
  const listeners = new Set<() => void>();
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString('latin1');
    output += text;
    // Trimmed once it holds twice the limit: a copy per 256 KiB logged, not per chunk.
    if (output.length > 2 * OUTPUT_LIMIT_CHARS) output = output.slice(-OUTPUT_LIMIT_CHARS);
    if (options.watch !== undefined) {
      // Line by line, so a marker split across two chunks is still seen.
      const lines = (pending + text).split('\n');
      pending = (lines.pop() ?? '').slice(-MAX_PENDING_LINE_CHARS);
      for (const line of lines) for (const match of line.matchAll(options.watch)) seen.add(match[0]);
    }
    for (const listener of listeners) listener();
  };
  child.stderr?.on('data', keep);
  if (stdout === 'keep') child.stdout?.on('data', keep);
  const exited = new Promise<ExitStatus>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const watched: Child = {
    name,
    pid: child.pid,
    process: child,
    exited,
    alive,
    output: () => output.slice(-OUTPUT_LIMIT_CHARS),
    seen: () => seen,
    waitForLine(line, timeoutMs = START_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        const check = (): void => {
          const match = line.exec(output);
          if (match === null) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name} did not print ${line} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(({ code, signal }) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`${name} exited (${code ?? signal}) before it printed ${line}:\n${output}`));
        });
        check();
      });
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!alive()) return void (await exited);
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  started.add(watched);
  void exited.then(() => started.delete(watched));
  return watched;
}

/** Starts a child and waits for its ready line; stops it (by pid) when the line never comes. */
export async function startNodeReady(
  name: string,
  script: string,
  args: readonly string[],
  options: StartOptions & { readonly ready: RegExp },
): Promise<{ child: Child; ready: RegExpExecArray }> {
  const child = startNode(name, script, args, options);
  try {
    return { child, ready: await child.waitForLine(options.ready) };
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
}

/** Stops every child this process started that is still alive (afterAll, whatever happened). */
export async function stopAllStarted(): Promise<void> {
  await Promise.all([...started].map((child) => child.stop()));
}

/** A port that was free a moment ago on 127.0.0.1 (for processes that must be told their port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` every 100 ms until it returns true, at most `timeoutMs`; fails early when
 * `child` exits. Resolves the milliseconds it took.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 15_000, child }: { timeoutMs?: number; child?: Child } = {},
): Promise<number> {
  const startedAt = performance.now();
  let last = 'not yet';
  while (performance.now() - startedAt < timeoutMs) {
    if (child !== undefined && !child.alive()) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output()}`);
    try {
      if (await probe()) return performance.now() - startedAt;
    } catch (error) {
      last = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`${what} not within ${timeoutMs} ms (${last})${child === undefined ? '' : `:\n${child.output()}`}`);
}
