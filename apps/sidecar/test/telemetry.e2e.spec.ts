import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Collector, localConnectionString } from '@mirrormesh/collector';
import { startTestCollector } from '@mirrormesh/collector/testing';
import { createClient, eventually, startUpstream } from '@mirrormesh/testing';
import { startSidecarProcess } from './support/spawn-sidecar';

/** Every dependency the collector has committed: result code, success and custom dimensions. */
function storedDependencies(collector: Collector): { resultCode: unknown; success: unknown; properties: Record<string, unknown> }[] {
  const rows = collector.store.source.scan('dependencies', { columns: ['resultCode', 'success', 'customDimensions'] });
  return [...rows].map(([resultCode, success, properties]) => ({
    resultCode,
    success,
    properties: (properties ?? {}) as Record<string, unknown>,
  }));
}

describe('sidecar process: mirror exchanges reach Application Insights as dependencies', () => {
  let dir: string;
  let collector: Collector;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-telemetry-'));
    collector = await startTestCollector(dir);
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports each mirror exchange with its status, and flushes on SIGTERM', async () => {
    const live = await startUpstream('live');
    const mirror = await startUpstream('mirror', (req, res) => res.writeHead(req.url === '/books/4/reviews' ? 500 : 200).end('{}'));
    const client = createClient();
    const sidecar = await startSidecarProcess(
      {
        clusters: [
          { name: 'bookservice', endpoints: [live.endpoint] },
          { name: 'bookservicemirror', endpoints: [mirror.endpoint] },
        ],
        routes: [
          {
            name: 'books',
            match: [{ uri: { prefix: '/' } }],
            route: [{ destination: { cluster: 'bookservice' } }],
            mirror: { cluster: 'bookservicemirror' },
          },
        ],
      },
      {
        APPLICATIONINSIGHTS_CONNECTION_STRING: localConnectionString(collector.listeners.secureUrl),
        NODE_EXTRA_CA_CERTS: collector.tls.certPath,
        TMPDIR: dir,
        ACCESS_LOG: 'false',
      },
    );
    try {
      for (const path of ['/books/1/reviews', '/books/4/reviews', '/books/4/reviews'])
        expect((await client.send(`${sidecar.url}${path}`)).status).toBe(200);
      await eventually(() => mirror.received.length === 3);
      sidecar.child.kill('SIGTERM');
      expect(await sidecar.exited).toBe(0);
    } finally {
      await client.close();
      await sidecar.stop();
      await Promise.all([live.close(), mirror.close()]);
    }
    const mirrors = storedDependencies(collector);
    expect(mirrors.map((d) => d.resultCode).sort()).toEqual(['200', '500', '500']);
    expect(mirrors.every((d) => d.properties['Mirror'] === 'true')).toBe(true);
  });
});
