import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { MeshError, MeshInterruptedError } from '../errors';
import { RUNTIME_NODE_FLAGS } from './runtime-flags';

export const PROCESS_DEFAULTS = {
  readyTimeoutMs: 30_000,
  readyPollMs: 100,
  stopTimeoutMs: 15_000,
  logTailLines: 20,
} as const;

export interface ProcessSpec {
  /** The name people see: `bookservice`, `bookservicemirror`, … */
  readonly name: string;
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Answers 200 once the process takes traffic. */
  readonly readyUrl: string;
  /** stdout and stderr are appended here, so the terminal shows only the mesh's own lines. */
  readonly logFile: string;
  readonly readyTimeoutMs?: number;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Every child still running, so that a second Ctrl-C can end them instead of leaving orphans. */
const RUNNING = new Set<ChildProcess>();

/** SIGKILL to every app still running: the "really stop now" of a second signal. */
export function killRunningProcesses(): number {
  for (const child of RUNNING) child.kill('SIGKILL');
  return RUNNING.size;
}

/** One app of the mesh: started, checked ready, stopped by its pid (SIGTERM, then SIGKILL past a deadline). */
export class ManagedProcess {
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;

  private constructor(
    readonly spec: ProcessSpec,
    private readonly child: ChildProcess,
  ) {
    RUNNING.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        RUNNING.delete(child);
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** `signal` aborts the wait for readiness: the process is stopped and a MeshError thrown. */
  static async start(spec: ProcessSpec, signal?: AbortSignal): Promise<ManagedProcess> {
    const log = openSync(spec.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...RUNTIME_NODE_FLAGS, spec.entry, ...(spec.args ?? [])], {
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    const managed = new ManagedProcess(spec, child);
    child.once('error', () => undefined);
    await managed.waitReady(signal);
    return managed;
  }

  async stop(timeoutMs: number = PROCESS_DEFAULTS.stopTimeoutMs): Promise<Exit> {
    if (this.exit !== undefined) return this.exit;
    this.child.kill('SIGTERM');
    // Unref'd: a process that exits in time must not leave this timer holding the CLI open.
    const deadline = sleep(timeoutMs, 'timeout' as const, { ref: false });
    if ((await Promise.race([this.exited, deadline])) === 'timeout') this.child.kill('SIGKILL');
    return this.exited;
  }

  private async waitReady(signal: AbortSignal | undefined): Promise<void> {
    const timeoutMs = this.spec.readyTimeoutMs ?? PROCESS_DEFAULTS.readyTimeoutMs;
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      if (signal?.aborted === true) {
        await this.stop();
        throw new MeshInterruptedError(`starting ${this.spec.name}`);
      }
      if (this.exit !== undefined) {
        throw new MeshError(
          `${this.spec.name} exited (code ${this.exit.code ?? this.exit.signal}) before it was ready:\n${this.logTail()}`,
        );
      }
      if (await this.answersReady()) return;
      await sleep(PROCESS_DEFAULTS.readyPollMs);
    }
    await this.stop();
    throw new MeshError(`${this.spec.name} was not ready at ${this.spec.readyUrl} within ${timeoutMs} ms:\n${this.logTail()}`);
  }

  private async answersReady(): Promise<boolean> {
    try {
      const response = await request(this.spec.readyUrl, { headersTimeout: 1000, bodyTimeout: 1000 });
      await response.body.dump();
      return response.statusCode === 200;
    } catch {
      return false;
    }
  }

  /** The last lines of the process's log, indented, to explain a failure. */
  logTail(): string {
    try {
      const lines = readFileSync(this.spec.logFile, 'utf8').trimEnd().split('\n');
      return lines
        .slice(-PROCESS_DEFAULTS.logTailLines)
        .map((line) => `    ${line}`)
        .join('\n');
    } catch {
      return `    (no log at ${this.spec.logFile})`;
    }
  }
}
