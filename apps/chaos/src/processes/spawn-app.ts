import { spawn, type ChildProcess } from 'node:child_process';

/** How long an app may take to print that it listens (Nest apps load in 1–3 s on a busy 2-core box). */
export const START_TIMEOUT_MS = 20_000;
/** Output kept per process for error messages: the tail, bounded, since a corpus makes logs grow. */
export const MAX_KEPT_OUTPUT_CHARS = 256 * 1024;

export interface AppProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  /** The last MAX_KEPT_OUTPUT_CHARS of stdout and stderr together. */
  output(): string;
  /** Every distinct match of `watch` seen in the output so far (markers that reached this process). */
  seen(): ReadonlySet<string>;
  /** SIGKILL by pid, then wait for the exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly name: string;
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env: Record<string, string>;
  /** Matched against the output until it appears; its groups are returned. */
  readonly ready: RegExp;
  /** Global regexp: matches anywhere in the output are collected in `seen()`. */
  readonly watch?: RegExp;
}

/** Starts `node <entry>` with only the given environment (and PATH) and waits for its ready line. */
export function spawnApp(options: SpawnOptions): Promise<{ app: AppProcess; ready: RegExpExecArray }> {
  const child = spawn(process.execPath, [options.entry, ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let pending = '';
  const seen = new Set<string>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('latin1');
    output = (output + text).slice(-MAX_KEPT_OUTPUT_CHARS);
    if (options.watch === undefined) return;
    // Line by line, so a marker split across two chunks is still seen.
    const lines = (pending + text).split('\n');
    pending = (lines.pop() ?? '').slice(-4096);
    for (const line of lines) for (const match of line.matchAll(options.watch)) seen.add(match[0]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const app: AppProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    seen: () => seen,
    stop: async () => {
      if (app.alive()) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void app.stop();
      reject(new Error(`${options.name} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const check = () => {
      const match = options.ready.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.stderr.off('data', check);
      resolve({ app, ready: match });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`));
    });
  });
}
