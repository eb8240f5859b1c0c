import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';

const MAIN = resolve(__dirname, '../../dist/main.js');

export interface SidecarProcess {
  readonly child: ChildProcess;
  readonly configFile: string;
  readonly url: string;
  readonly adminUrl: string;
  readonly adminHost: string;
  /** Everything written so far (stdout = access log, stderr = lifecycle). */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  writeConfig(config: unknown): void;
  stop(): Promise<void>;
}

/** A temp dir holding one config file (JSON or raw YAML text). */
export function tempConfig(config: unknown, name = 'sidecar.json'): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-'));
  const file = join(dir, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `node dist/main.js` with the given args and env to completion (for start-up failures). */
export function runSidecar(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) => resolveRun({ code, stderr }));
  });
}

/** Starts the sidecar on a config (listener and admin on port 0) and waits for "listening". */
export async function startSidecarProcess(config: Record<string, unknown>, env: Record<string, string> = {}): Promise<SidecarProcess> {
  const withPorts = { listener: { host: '127.0.0.1', port: 0 }, admin: { host: '127.0.0.1', port: 0 }, ...config };
  const { file, cleanup } = tempConfig(withPorts);
  const child = spawn(process.execPath, [MAIN, '--config', file], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const started = await new Promise<{ listener: string; admin: string }>((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(startTimeoutError('the sidecar', 'its "listening" event on stderr', err));
    }, START_TIMEOUT_MS);
    const check = () => {
      const line = err.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stderr!.off('data', check);
      resolveStart(JSON.parse(line) as { listener: string; admin: string });
    };
    child.stderr!.on('data', check);
    void exited.then((code) => reject(new Error(`sidecar exited ${code}:\n${err}`)));
  });
  return {
    child,
    configFile: file,
    url: `http://${started.listener}`,
    adminUrl: `http://${started.admin}`,
    adminHost: started.admin.split(':')[0] ?? '',
    stdout: () => out,
    stderr: () => err,
    exited,
    writeConfig: (next) =>
      writeFileSync(file, JSON.stringify({ listener: withPorts.listener, admin: withPorts.admin, ...(next as object) })),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      cleanup();
    },
  };
}
