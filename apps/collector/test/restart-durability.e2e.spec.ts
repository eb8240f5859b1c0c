import { readdir, readFile } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { DATABASE_FILE } from '../src/storage/storage-files';
import { certificatePath } from '../src/tls/certificate-store';
import { type SummaryRow } from '../src/query/summary-query';
import { requestEnvelope } from './support/envelopes';
import { startCollectorProcess, type CollectorProcess } from './support/collector-process';
import { tempDir } from './support/temp-dir';

async function post(collector: CollectorProcess, ca: string, items: unknown[]): Promise<number> {
  const agent = new Agent({ connect: { ca } });
  try {
    const response = await request(new URL('/v2.1/track', collector.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(items),
    });
    await response.body.dump();
    return response.statusCode;
  } finally {
    await agent.close();
  }
}

async function rows(collector: CollectorProcess): Promise<SummaryRow[]> {
  const response = await request(`${collector.plainUrl}/query/requests-summary?contains=MIR-`);
  return ((await response.body.json()) as { rows: SummaryRow[] }).rows;
}

describe('restart durability', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const running: CollectorProcess[] = [];

  beforeEach(async () => {
    dir = await tempDir('restart');
  });

  afterEach(async () => {
    for (const collector of running.splice(0)) await collector.stop('SIGKILL');
    await dir.remove();
  });

  async function start(): Promise<CollectorProcess> {
    const collector = await startCollectorProcess(dir.path);
    running.push(collector);
    return collector;
  }

  it('serves every acknowledged item after SIGKILL right after the acknowledgement, and reuses its certificate', async () => {
    const first = await start();
    const certificate = await readFile(certificatePath(dir.path), 'utf8');
    // Concurrent batches, so that some share a group commit.
    const batches = Array.from({ length: 8 }, (_, batch) =>
      Array.from({ length: 25 }, (_, index) =>
        requestEnvelope({
          versionTag: batch % 2 === 0 ? 'V1MIR-LiveBookService' : 'V2MIR-BookService',
          responseCode: index === 0 ? '500' : '200',
        }),
      ),
    );
    expect(await Promise.all(batches.map((batch) => post(first, certificate, batch)))).toEqual(Array(8).fill(200));
    // No graceful close: the process dies the moment the last acknowledgement has arrived.
    await first.stop('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await start();
    expect(await readFile(certificatePath(dir.path), 'utf8')).toBe(certificate);
    expect((await rows(second)).map((row) => [row.podVersion, row.resultCode, row.requestCount])).toEqual([
      ['V1MIR-LiveBookService', '200', 96],
      ['V1MIR-LiveBookService', '500', 4],
      ['V2MIR-BookService', '200', 96],
      ['V2MIR-BookService', '500', 4],
    ]);
    expect(await post(second, certificate, [requestEnvelope({ versionTag: 'V2MIR-BookService' })])).toBe(200);
    expect((await rows(second)).find((row) => row.podVersion === 'V2MIR-BookService' && row.resultCode === '200')?.requestCount).toBe(97);
  });

  it('keeps the database in DATA_DIR beside tls/', async () => {
    const collector = await start();
    expect(await post(collector, await readFile(certificatePath(dir.path), 'utf8'), [requestEnvelope()])).toBe(200);
    await collector.stop('SIGTERM');
    expect(collector.child.exitCode).toBe(0);
    // A graceful stop folds the WAL back into the database file.
    expect((await readdir(dir.path)).sort()).toEqual([DATABASE_FILE, 'tls']);
  });
});
