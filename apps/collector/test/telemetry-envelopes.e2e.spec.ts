import diagnosticsChannel from 'node:diagnostics_channel';
import { MIRROR_EXCHANGE_CHANNEL, startTelemetry, subscribeMirrorExchanges } from '@mirrormesh/telemetry';
import { type Collector } from '../src/collector.app';
import { type Cell } from '@mirrormesh/kql';
import { tempDir } from './support/temp-dir';
import { connectionStringFor, startTestCollector, TEST_IKEY } from '../src/testing';

/** Every row of `table`, as objects keyed by column name. */
function storedRows(collector: Collector, table: string): Record<string, Cell>[] {
  const schema = collector.store.source.tables().find((candidate) => candidate.name === table);
  const columns = schema?.columns.map((column) => column.name) ?? [];
  return [...collector.store.source.scan(table, { columns })].map((row) =>
    Object.fromEntries(columns.map((name, index) => [name, row[index] ?? null])),
  );
}

describe('what the real SDK sends through libs/telemetry', () => {
  let collector: Collector;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const data = await tempDir('envelopes');
    cleanups.push(data.remove);
    collector = await startTestCollector(data.path);
  });

  afterAll(async () => {
    await collector.close();
    for (const cleanup of cleanups) await cleanup();
  });

  it('a request item named by route template, with result code, VersionTag, RequestId and cloud role; a mirror dependency', async () => {
    const sdkStorage = await tempDir('envelopes-sdk');
    cleanups.push(sdkStorage.remove);
    const telemetry = startTelemetry({
      roleName: 'sidecar',
      env: { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor(collector), VERSION_TAG: 'V2MIR-BookService' },
      ingestionCaPem: collector.tls.cert,
      storageDirectory: sdkStorage.path,
    });
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    telemetry.trackRequest({
      method: 'get',
      route: '/books/:id/reviews',
      statusCode: 404,
      durationMs: 42,
      url: '/books/9/reviews',
      requestId: 'req-42',
    });
    diagnosticsChannel.channel(MIRROR_EXCHANGE_CHANNEL).publish({
      route: 'reviews',
      cluster: 'bookservice-v2',
      method: 'GET',
      path: '/books/9/reviews',
      requestId: 'req-42',
      status: 503,
      errorCode: undefined,
      durationMs: 7,
      startedAt: Date.now() - 7,
    });
    unsubscribe();
    await telemetry.shutdown();

    const [request] = storedRows(collector, 'requests');
    expect(request).toMatchObject({
      name: 'GET /books/:id/reviews',
      resultCode: '404',
      success: false,
      duration: 42,
      url: '/books/9/reviews',
      cloud_RoleName: 'sidecar',
      itemType: 'request',
      itemCount: 1,
      appName: TEST_IKEY,
      client_Type: 'PC',
      operation_Id: expect.any(String),
      sdkVersion: expect.any(String),
      customDimensions: { VersionTag: 'V2MIR-BookService', RequestId: 'req-42' },
    });
    const [dependency] = storedRows(collector, 'dependencies');
    expect(dependency).toMatchObject({
      name: 'GET /books/9/reviews',
      type: 'Http',
      target: 'bookservice-v2',
      resultCode: '503',
      success: false,
      duration: 7,
      cloud_RoleName: 'sidecar',
      itemType: 'dependency',
      customDimensions: {
        Mirror: 'true',
        VersionTag: 'V2MIR-BookService',
        RequestId: 'req-42',
        cluster: 'bookservice-v2',
        route: 'reviews',
      },
    });
  });
});
