import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built CLI, run as people run it. */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface Running {
  readonly child: ChildProcess;
  output(): string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `command args` (default: node and the CLI), collecting stdout and stderr together. */
export function run(args: readonly string[], env: NodeJS.ProcessEnv, command: string = process.execPath, cwd?: string): Running {
  const argv = command === process.execPath ? [MAIN, ...args] : [...args];
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return {
    child,
    output: () => output,
    exit: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
}

/** Polls `check` every 100 ms up to `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Teardown for a test that started a mesh: if its `up` is still running (the test failed
 * before stopping it), two SIGTERMs to that pid, the second of which kills its apps.
 */
export async function stopMeshLeftFrom(stateDir: string): Promise<void> {
  let pid: number;
  try {
    pid = (JSON.parse(readFileSync(join(stateDir, 'mesh.json'), 'utf8')) as { pid: number }).pid;
  } catch {
    return;
  }
  for (const delayMs of [0, 5000]) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
  }
}
