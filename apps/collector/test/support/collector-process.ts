import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';

export interface CollectorProcess {
  readonly child: ChildProcess;
  readonly secureUrl: string;
  readonly plainUrl: string;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

const LISTENING = /track API on (https:\/\/[^\s"]+)v2\.1\/track \(TLS\); query and health on (http:\/\/[^\s"]+)/;

/** The built collector (dist/main.js) as its own process on ports 0, so a test can SIGKILL it. */
export async function startCollectorProcess(dataDir: string): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
    env: {
      PATH: process.env['PATH'],
      DATA_DIR: dataDir,
      PORT: '0',
      QUERY_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  let urls: RegExpExecArray | null = null;
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      urls = LISTENING.exec(line);
      if (urls !== null) break;
    }
  } finally {
    clearTimeout(timer);
  }
  if (urls?.[1] !== undefined && urls[2] !== undefined) {
    // Later log lines must not fill the pipe and stall the collector.
    child.stdout?.resume();
    return {
      child,
      secureUrl: urls[1],
      plainUrl: urls[2],
      stop: async (signal) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
  }
  throw startTimeoutError('the collector process', 'its "track API on …" line on stdout', stderr);
}
