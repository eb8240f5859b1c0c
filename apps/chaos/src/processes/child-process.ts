import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/** Output kept per child for error messages; older output is dropped. */
const OUTPUT_LIMIT = 20_000;
/** How long a stopped child gets to exit after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 5_000;

export interface StartOptions {
  /** Run inside this network namespace (`ip netns exec NAME node ...`); the pid is then that of `ip`, which execs node. */
  readonly netns?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Pipe stdin and stdout for a line protocol (default: stdout ignored, a sidecar's access log would flood the buffer). */
  readonly interactive?: boolean;
}

/** A child process this suite started, stopped only by its own pid. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  output(): string;
  /** SIGTERM (or `signal`), SIGKILL after STOP_GRACE_MS; resolves once it exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const started = new Set<Child>();

/**
 * Starts `node script args` (inside a network namespace when asked), keeping the tail of its
 * output for error messages. `ip netns exec` execs its command, so the pid is node's own.
 */
export function startNode(name: string, script: string, args: readonly string[], options: StartOptions = {}): Child {
  const command = options.netns === undefined ? process.execPath : 'ip';
  const argv = options.netns === undefined ? [script, ...args] : ['netns', 'exec', options.netns, process.execPath, script, ...args];
  const child = spawn(command, argv, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', ...options.env },
    stdio: options.interactive === true ? ['pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT / 2);
  };
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const watched: Child = {
    name,
    pid: child.pid,
    process: child,
    exited,
    alive,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!alive()) return;
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
