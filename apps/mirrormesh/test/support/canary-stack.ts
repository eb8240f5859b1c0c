import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntry } from '../../src/mesh/app-entry';
import { freePort } from '../../src/mesh/free-port';
import { ManagedProcess } from '../../src/mesh/managed-process';
import { MAIN } from './cli-process';

const HOST = '127.0.0.1';
/** Start-up of a Nest app on a busy 2-core machine: generous, it is a bound, not an expectation. */
const START_TIMEOUT_MS = 60_000;

export type Variant = 'live' | 'delay' | 'fault' | 'schema-change';

/** Two real book services (primary live, canary of a variant) behind a real sidecar, admin on port 0. */
export interface CanaryStack {
  readonly frontUrl: string;
  readonly adminUrl: string;
  readonly dir: string;
  stop(): Promise<void>;
}

async function bookService(dir: string, name: string, variant: Variant, env: Record<string, string>): Promise<ManagedProcess> {
  const port = await freePort(HOST);
  return ManagedProcess.start({
    name,
    entry: appEntry('book-service'),
    env: { HOST, PORT: String(port), BOOK_SERVICE_VARIANT: variant, LOG_FORMAT: 'common', ...env },
    readyUrl: `http://${HOST}:${port}/health/ready`,
    logFile: join(dir, `${name}.log`),
    readyTimeoutMs: START_TIMEOUT_MS,
  });
}

function sidecar(configFile: string): Promise<{ child: ChildProcess; listener: string; admin: string }> {
  const child = spawn(process.execPath, [appEntry('sidecar'), '--config', configFile], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sidecar did not start:\n${err}`)), START_TIMEOUT_MS);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const line = err.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line === undefined) return;
      clearTimeout(timer);
      const { listener, admin } = JSON.parse(line) as { listener: string; admin: string };
      resolve({ child, listener, admin });
    });
    child.once('exit', (code) => reject(new Error(`sidecar exited ${code}:\n${err}`)));
  });
}

export interface StackOptions {
  /** The route mirrors to the canary (shadow mode). */
  readonly shadow?: boolean;
  /** The mirror's answers are compared with live's (GET /diff); `servedAt` differs on every answer and is ignored. */
  readonly compare?: boolean;
  /** With compare: a second live instance, `bookservicelive2`, as Diffy's noise reference, instead of ignoring `servedAt`. */
  readonly noise?: boolean;
  readonly env?: Record<string, string>;
}

export async function startCanaryStack(variant: Variant, options: StackOptions = {}): Promise<CanaryStack> {
  const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-canary-'));
  mkdirSync(join(dir, 'state'));
  const started: ManagedProcess[] = [];
  try {
    started.push(await bookService(dir, 'bookservice', 'live', {}));
    started.push(await bookService(dir, 'bookservicecanary', variant, options.env ?? {}));
    if (options.noise === true) started.push(await bookService(dir, 'bookservicelive2', 'live', {}));
    const [primary, canary, live2] = started.map((p) => p.spec.readyUrl.replace(/^http:\/\/|\/health\/ready$/g, ''));
    const compare =
      options.noise === true ? { enabled: true, noise: { cluster: 'bookservicelive2' } } : { enabled: true, ignore: ['$.servedAt'] };
    const config = {
      listener: { host: HOST, port: 0 },
      admin: { host: HOST, port: 0 },
      clusters: [
        { name: 'bookservice', endpoints: [primary] },
        { name: 'bookservicecanary', endpoints: [canary] },
        ...(live2 === undefined ? [] : [{ name: 'bookservicelive2', endpoints: [live2] }]),
      ],
      routes: [
        {
          name: 'books',
          match: [{ uri: { prefix: '/api/' } }],
          rewrite: { uri: '/' },
          route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
          ...(options.shadow === true
            ? {
                mirror: {
                  cluster: 'bookservicecanary',
                  ...(options.compare === true ? { compare } : {}),
                },
                mirrorPercentage: { value: 100 },
              }
            : {}),
        },
      ],
    };
    const configFile = join(dir, 'sidecar.json');
    writeFileSync(configFile, JSON.stringify(config));
    const proxy = await sidecar(configFile);
    return {
      frontUrl: `http://${proxy.listener}`,
      adminUrl: `http://${proxy.admin}`,
      dir,
      stop: async () => {
        proxy.child.kill('SIGKILL');
        await Promise.all(started.map((p) => p.stop()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Runs the built CLI to its end, stdout (the report) apart from stderr (the progress). */
export function runCli(args: readonly string[], stateDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, MIRRORMESH_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
