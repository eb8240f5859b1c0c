import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { sidecarYaml } from './support/spa-fixture';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
/** A safety net: each test stops its process itself; this kills one a failed test left running. */
const RUN_TIMEOUT_MS = 2 * START_TIMEOUT_MS;

interface Run {
  readonly child: ChildProcess;
  output(): string;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', NO_COLOR: '1', LOG_FORMAT: 'common', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    }),
  );
  return { child, output: () => output, exit };
}

async function waitForOutput(r: Run, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const match = pattern.exec(r.output());
    if (match !== null) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw startTimeoutError('node dist/main.js', String(pattern), r.output());
}

describe('node dist/main.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookinfo-spa-process-'));
  let upstream: RecordingUpstream;

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
  });
  afterAll(async () => {
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 naming SIDECAR_CONFIG when it is missing', async () => {
    const r = run({});
    const code = await r.exit;
    expect({ code, output: r.output() }).toEqual({ code: 2, output: expect.stringContaining('SIDECAR_CONFIG is required') });
    expect(r.output()).toContain('SIDECAR_CONFIG is required');
  });

  it('exits 2 naming the file, the path and the rule of a bad sidecar config, without a stack', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, sidecarYaml({ live: upstream.endpoint }).replace('cluster: bookservice', 'cluster: nowhere'));
    const r = run({ SIDECAR_CONFIG: file });
    expect(await r.exit).toBe(2);
    expect(r.output()).toContain(file);
    expect(r.output()).toContain('routes[0].route[0].destination.cluster "nowhere" is not a defined cluster');
    expect(r.output()).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming a bad telemetry connection string without echoing it', async () => {
    const file = join(dir, 'telemetry.yaml');
    writeFileSync(file, sidecarYaml({ live: upstream.endpoint }));
    const r = run({ SIDECAR_CONFIG: file, APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string-s3cr3t' });
    expect(await r.exit).toBe(2);
    expect(r.output()).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(r.output()).not.toContain('s3cr3t');
  });

  it('exits 2 when the web build is missing', async () => {
    const file = join(dir, 'noweb.yaml');
    writeFileSync(file, sidecarYaml({ live: upstream.endpoint }));
    const r = run({ SIDECAR_CONFIG: file, WEB_ROOT: join(dir, 'no-such-dir') });
    expect(await r.exit).toBe(2);
    expect(r.output()).toContain('no-such-dir does not exist');
  });

  it('serves, then drains and exits 0 on SIGTERM', async () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, sidecarYaml({ live: upstream.endpoint }));
    const r = run({ SIDECAR_CONFIG: file });
    try {
      const [, url] = await waitForOutput(r, /listening on (http:\/\/[\d.:]+)/);
      const shell = await get(`${url}/books/1`, { accept: 'text/html' });
      expect(shell.status).toBe(200);
      expect(shell.text()).toContain('<div id="root">');
      expect((await get(`${url}/api/books`)).status).toBe(200);
      expect(upstream.requests.at(-1)?.url).toBe('/books');
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
    } finally {
      r.child.kill('SIGKILL');
    }
  });
});
