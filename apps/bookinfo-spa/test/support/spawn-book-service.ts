import { type ChildProcess, spawn } from 'node:child_process';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';

const STOP_TIMEOUT_MS = 5_000;

export interface SpawnedBookService {
  readonly url: string;
  /** host:port, as a sidecar cluster endpoint. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** The built book service (`node apps/book-service/dist/main.js`) on a free port; env picks the variant. */
export function spawnBookService(env: Record<string, string> = {}): Promise<SpawnedBookService> {
  const main = require.resolve('@mirrormesh/book-service');
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'common', LOG_LEVEL: 'log', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(startTimeoutError('the book service', 'its "listening on" line', output));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // NO_COLOR keeps the line plain: "listening on http://127.0.0.1:PORT as TAG".
      const endpoint = /listening on http:\/\/([\d.]+:\d+)/.exec(output)?.[1];
      if (endpoint !== undefined) {
        clearTimeout(timer);
        resolve({ url: `http://${endpoint}`, endpoint, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`book service exited before listening:\n${output}`));
    });
  });
}
