import { request } from 'undici';
import { startTelemetry, type Telemetry } from '@mirrormesh/telemetry';
import { type Collector } from '../src/collector.app';
import { type SummaryRow } from '../src/query/summary-query';
import { FAILING_BOOK_ID, startReviewsApp } from './support/reviews-test-app';
import { tempDir } from './support/temp-dir';
import { connectionStringFor, startTestCollector } from '../src/testing';

const VERSION_TAG = 'V2MIR-BookService';
const REQUESTS = 60;

async function summary(collector: Collector, query = 'contains=MIR-'): Promise<SummaryRow[]> {
  const response = await request(`${collector.listeners.plainUrl}/query/requests-summary?${query}`);
  expect(response.statusCode).toBe(200);
  return ((await response.body.json()) as { rows: SummaryRow[] }).rows;
}

describe('book-like service (real SDK) → collector over TLS → query', () => {
  let collector: Collector;
  let telemetry: Telemetry;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const data = await tempDir('collector-e2e');
    const sdkStorage = await tempDir('sdk-storage');
    cleanups.push(data.remove, sdkStorage.remove);
    collector = await startTestCollector(data.path);
    telemetry = startTelemetry({
      roleName: 'reviews-test',
      env: { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor(collector), VERSION_TAG },
      // In-process trust of the collector's self-signed certificate (processes use NODE_EXTRA_CA_CERTS).
      ingestionCaPem: collector.tls.cert,
      storageDirectory: sdkStorage.path,
    });
  });

  afterAll(async () => {
    await telemetry.shutdown();
    await collector.close();
    for (const cleanup of cleanups) await cleanup();
  });

  it('counts exactly the N requests sent, by route template, VersionTag and result code, with nothing lost at shutdown', async () => {
    const app = await startReviewsApp(telemetry, VERSION_TAG);
    let failing = 0;
    for (let index = 0; index < REQUESTS; index += 1) {
      const id = index % 10 === 0 ? FAILING_BOOK_ID : String(100 + index);
      if (id === FAILING_BOOK_ID) failing += 1;
      const response = await request(`${app.url}/books/${id}/reviews`);
      await response.body.dump();
    }
    // The service stops right after its last answer, as on SIGTERM: close, then flush telemetry.
    await app.service.app.close();
    await telemetry.shutdown();

    const rows = await summary(collector);
    expect(rows.map(({ name, podVersion, resultCode, requestCount }) => ({ name, podVersion, resultCode, requestCount }))).toEqual([
      { name: 'GET /books/:id/reviews', podVersion: VERSION_TAG, resultCode: '200', requestCount: REQUESTS - failing },
      { name: 'GET /books/:id/reviews', podVersion: VERSION_TAG, resultCode: '500', requestCount: failing },
    ]);
    for (const row of rows) {
      expect(row.duration).toBeGreaterThan(0);
      expect(row.p50).toBeLessThanOrEqual(row.p95);
      expect(row.p95).toBeLessThanOrEqual(row.p99);
    }
    expect(await summary(collector, 'contains=V1MIR-')).toEqual([]);
  });
});
