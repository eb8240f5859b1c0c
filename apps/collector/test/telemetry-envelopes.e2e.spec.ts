import diagnosticsChannel from 'node:diagnostics_channel';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIRROR_EXCHANGE_CHANNEL, startTelemetry, subscribeMirrorExchanges } from '@mirrormesh/telemetry';
import { SEGMENTS_DIR, type Collector } from '../src/collector.app';
import { type StoredItem } from '../src/ingest/stored-item';
import { tempDir } from './support/temp-dir';
import { connectionStringFor, startTestCollector } from './support/test-collector';

type Envelope = { name: string; tags: Record<string, string>; data: { baseType: string; baseData: Record<string, unknown> } };

async function storedEnvelopes(dataDir: string): Promise<Envelope[]> {
  const dir = join(dataDir, SEGMENTS_DIR);
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  const lines = (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('').split('\n');
  return lines.filter((line) => line !== '').map((line) => (JSON.parse(line) as StoredItem).envelope as unknown as Envelope);
}

describe('what the real SDK sends through libs/telemetry', () => {
  let collector: Collector;
  let dataDir: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const data = await tempDir('envelopes');
    cleanups.push(data.remove);
    dataDir = data.path;
    collector = await startTestCollector(dataDir);
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

    const envelopes = await storedEnvelopes(dataDir);
    const request = envelopes.find((envelope) => envelope.data.baseType === 'RequestData');
    expect(request?.tags['ai.cloud.role']).toBe('sidecar');
    expect(request?.data.baseData).toMatchObject({
      name: 'GET /books/:id/reviews',
      responseCode: '404',
      success: false,
      duration: '00:00:00.042',
      url: '/books/9/reviews',
      properties: { VersionTag: 'V2MIR-BookService', RequestId: 'req-42' },
    });
    const dependency = envelopes.find((envelope) => envelope.data.baseType === 'RemoteDependencyData');
    expect(dependency?.data.baseData).toMatchObject({
      name: 'GET /books/9/reviews',
      type: 'Http',
      target: 'bookservice-v2',
      resultCode: '503',
      success: false,
      properties: { Mirror: 'true', VersionTag: 'V2MIR-BookService', RequestId: 'req-42', cluster: 'bookservice-v2', route: 'reviews' },
    });
  });
});
