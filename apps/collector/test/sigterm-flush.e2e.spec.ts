import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { START_TIMEOUT_MS, startTimeoutError } from '@mirrormesh/testing';
import { request } from 'undici';
import { type Collector } from '../src/collector.app';
import { type SummaryRow } from '../src/query/summary-query';
import { tempDir } from './support/temp-dir';
import { connectionStringFor, startTestCollector } from '../src/testing';

const VERSION_TAG = 'V3MIR-BookServiceDelay';
const REQUESTS = 40;

/** Starts the fixture service and resolves with its URL once it listens. */
async function startService(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'instrumented-service.js')], {
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, START_TIMEOUT_MS);
  try {
    for await (const line of lines) {
      if (line.startsWith('{"url"')) return { child, url: (JSON.parse(line) as { url: string }).url };
    }
  } finally {
    clearTimeout(timer);
  }
  if (timedOut) throw startTimeoutError('the fixture service', 'its {"url":…} line on stdout', stderr);
  throw new Error(`the fixture service exited before listening: ${stderr}`);
}

describe('SIGTERM right after the last request loses nothing', () => {
  let collector: Collector;
  let cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const data = await tempDir('sigterm-collector');
    cleanups.push(data.remove);
    collector = await startTestCollector(data.path);
  });

  afterAll(async () => {
    await collector.close();
    for (const cleanup of cleanups) await cleanup();
    cleanups = [];
  });

  it('flushes every tracked request before the process exits 0', async () => {
    const sdkStorage = await tempDir('sigterm-sdk');
    cleanups.push(sdkStorage.remove);
    const { child, url } = await startService({
      APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor(collector),
      VERSION_TAG,
      // The documented way for a process to trust the collector's self-signed certificate.
      NODE_EXTRA_CA_CERTS: collector.tls.certPath,
      TMPDIR: sdkStorage.path,
    });
    const exited = once(child, 'exit');
    for (let index = 0; index < REQUESTS; index += 1) {
      const response = await request(`${url}/books/${index}/reviews`);
      await response.body.dump();
      expect(response.statusCode).toBe(200);
    }
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);

    const response = await request(`${collector.listeners.plainUrl}/query/requests-summary?contains=MIR-`);
    const rows = ((await response.body.json()) as { rows: SummaryRow[] }).rows;
    expect(rows.map(({ name, podVersion, resultCode, requestCount }) => ({ name, podVersion, resultCode, requestCount }))).toEqual([
      { name: 'GET /books/:id/reviews', podVersion: VERSION_TAG, resultCode: '200', requestCount: REQUESTS },
    ]);
  });
});
