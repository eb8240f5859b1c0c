import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface SpawnedService {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the compiled service as people do (`node dist/main.js`) and waits for its "listening on" line. */
export function spawnBookService(env: Record<string, string>): Promise<SpawnedService> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'common', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(startTimeoutError('the book service', 'its "listening on" line', output));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output, exited: () => exit });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`book service exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Runs the service expecting it to refuse to start; resolves with its exit code and output. */
export function runBookServiceToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}
