import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Collector } from '@mirrormesh/collector';
import { startTestCollector } from '@mirrormesh/collector/testing';
import { Agent, request } from 'undici';
import { REPO_ROOT, run } from './support/cli-process';

const GUIDE = join(REPO_ROOT, 'k8s', 'overlays', 'LogAnalyticsQuery.md');

/** A request item as the SDK sends it. */
function requestItem(versionTag: string, durationMs: number, responseCode = '200') {
  return {
    name: 'Microsoft.ApplicationInsights.Request',
    time: new Date().toISOString(),
    iKey: '11111111-2222-3333-4444-555555555555',
    tags: { 'ai.cloud.role': 'book-service' },
    data: {
      baseType: 'RequestData',
      baseData: {
        id: 'r',
        name: 'GET /books/:id/reviews',
        duration: `00:00:00.${String(durationMs).padStart(3, '0')}`,
        success: responseCode < '400',
        responseCode,
        properties: { VersionTag: versionTag },
      },
    },
  };
}

async function cli(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const running = run(args, { COLLECTOR_URL: '', MIRRORMESH_STATE_DIR: join(tmpdir(), 'mirrormesh-no-mesh') });
  const { code } = await running.exit;
  return { code, output: running.output() };
}

/** `mirrormesh query` and `mirrormesh report`, the built CLI against a real collector. */
describe('mirrormesh query and report against the collector', () => {
  let dir: string;
  let collector: Collector;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirrormesh-query-'));
    collector = await startTestCollector(dir);
    url = collector.listeners.plainUrl;
    const agent = new Agent({ connect: { ca: collector.tls.cert } });
    const items = [
      requestItem('V1MIR-LiveBookService', 10),
      requestItem('V1MIR-LiveBookService', 30),
      requestItem('V4MIR-BookServiceFault', 2, '500'),
      requestItem('V4MIR-BookServiceFault', 4),
    ];
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      body: JSON.stringify(items),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    await agent.close();
  });

  afterAll(async () => {
    await collector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every query of the guide, and its summary block prints the rows the report prints', async () => {
    const guide = await cli(['query', '--url', url, '-f', GUIDE, '--block', '2', '--csv']);
    expect(guide.code).toBe(0);
    expect(guide.output.trim().split(/\r?\n/)).toEqual([
      'name,podVersion,resultCode,duration,requestCount,p50,p95,p99',
      'GET /books/:id/reviews,V1MIR-LiveBookService,200,20,2,10,30,30',
      'GET /books/:id/reviews,V4MIR-BookServiceFault,200,4,1,4,4,4',
      'GET /books/:id/reviews,V4MIR-BookServiceFault,500,2,1,2,2,2',
    ]);
    const report = await cli(['report', '--url', url, '--json', '--since', '15m']);
    expect(report.code).toBe(0);
    const rows = (JSON.parse(report.output) as Record<string, unknown>[]).map((r) => Object.values(r).join(','));
    expect(rows).toEqual(guide.output.trim().split(/\r?\n/).slice(1));

    const all = await cli(['query', '--url', url, '-f', GUIDE, '--json']);
    expect(all.code).toBe(0);
    expect((JSON.parse(all.output) as { tables: unknown[] }[]).map((answer) => answer.tables.length)).toEqual([1, 1, 1]);
  }, 120_000);

  it('refuses a wrong query with what and where, exit code 1', async () => {
    const { code, output } = await cli(['query', '--url', url, 'requests | summarize count() by podVersoin']);
    expect(code).toBe(1);
    expect(output).toMatch(/podVersoin/);
    expect(output).toMatch(/\^/);
  }, 120_000);
});
