import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Collector, fetchSummary, localConnectionString } from '@mirrormesh/collector';
import { startTestCollector } from '@mirrormesh/collector/testing';
import { request } from 'undici';
import { spawnBookService } from './support/spawn-book-service';

const VERSION_TAG = 'V4MIR-BookServiceFault';

/** The real SDK in the real service process, over TLS to a real collector, as deployed. */
describe('book service telemetry through the local collector', () => {
  let dir: string;
  let collector: Collector;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'book-telemetry-'));
    collector = await startTestCollector(dir);
  });

  afterAll(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts exactly the requests sent, by route template, version and result code, even when SIGTERM follows the last one', async () => {
    const svc = await spawnBookService({
      BOOK_SERVICE_VARIANT: 'fault',
      VERSION_TAG,
      APPLICATIONINSIGHTS_CONNECTION_STRING: localConnectionString(collector.listeners.secureUrl),
      NODE_EXTRA_CA_CERTS: collector.tls.certPath,
      TMPDIR: dir,
    });
    const plan: [string, number][] = [
      ['/books/1/reviews', 12],
      ['/books/2/reviews', 5],
      ['/books/3', 7],
      ['/books/abc', 3],
      ['/health/ready', 4],
      ['/no/such/page', 2],
      ['/another/missing/page', 1],
    ];
    for (const [path, times] of plan) {
      for (let i = 0; i < times; i++) await (await request(`${svc.url}${path}`)).body.dump();
    }
    svc.child.kill('SIGTERM');
    expect(await svc.exited()).toEqual({ code: 0, signal: null });

    const rows = (await fetchSummary(collector.listeners.plainUrl, { contains: 'MIR-' })).map(
      ({ name, podVersion, resultCode, requestCount }) => ({
        name,
        podVersion,
        resultCode,
        requestCount,
      }),
    );
    expect(rows).toEqual([
      { name: 'GET (unmatched)', podVersion: VERSION_TAG, resultCode: '404', requestCount: 3 },
      { name: 'GET /books/:id', podVersion: VERSION_TAG, resultCode: '200', requestCount: 7 },
      { name: 'GET /books/:id', podVersion: VERSION_TAG, resultCode: '400', requestCount: 3 },
      { name: 'GET /books/:id/reviews', podVersion: VERSION_TAG, resultCode: '200', requestCount: 12 },
      { name: 'GET /books/:id/reviews', podVersion: VERSION_TAG, resultCode: '500', requestCount: 5 },
    ]);
  });
});
