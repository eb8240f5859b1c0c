import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { SEGMENTS_DIR, type Collector } from '../src/collector.app';
import { type SummaryRow } from '../src/query/requests-summary';
import { requestEnvelope } from './support/envelopes';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from './support/test-collector';

async function post(collector: Collector, items: unknown[]): Promise<number> {
  const agent = new Agent({ connect: { ca: collector.tls.cert } });
  try {
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), {
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

async function rows(collector: Collector): Promise<SummaryRow[]> {
  const response = await request(`${collector.listeners.plainUrl}/query/requests-summary?contains=MIR-`);
  return ((await response.body.json()) as { rows: SummaryRow[] }).rows;
}

describe('restart durability', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const running: Collector[] = [];

  beforeEach(async () => {
    dir = await tempDir('restart');
  });

  afterEach(async () => {
    for (const collector of running.splice(0)) await collector.close();
    await dir.remove();
  });

  async function start(): Promise<Collector> {
    const collector = await startTestCollector(dir.path);
    running.push(collector);
    return collector;
  }

  it('serves every acknowledged item again after a restart, and reuses its certificate', async () => {
    const first = await start();
    expect(
      await post(first, [requestEnvelope({ versionTag: 'V1MIR-LiveBookService' }), requestEnvelope({ versionTag: 'V2MIR-BookService' })]),
    ).toBe(200);
    expect(await post(first, [requestEnvelope({ versionTag: 'V2MIR-BookService', responseCode: '500' })])).toBe(200);
    const before = await rows(first);
    const certificate = first.tls.cert;
    await first.close();
    running.length = 0;

    const second = await start();
    expect(second.tls.generated).toBe(false);
    expect(second.tls.cert).toBe(certificate);
    expect(await rows(second)).toEqual(before);
    expect(before.map((row) => [row.podVersion, row.resultCode, row.requestCount])).toEqual([
      ['V1MIR-LiveBookService', '200', 1],
      ['V2MIR-BookService', '200', 1],
      ['V2MIR-BookService', '500', 1],
    ]);
  });

  it('skips a torn last line (a write cut short, never acknowledged) and writes on in a new segment', async () => {
    const first = await start();
    expect(await post(first, [requestEnvelope()])).toBe(200);
    await first.close();
    running.length = 0;
    const [segment] = (await readdir(join(dir.path, SEGMENTS_DIR))).filter((name) => name.endsWith('.jsonl'));
    await appendFile(join(dir.path, SEGMENTS_DIR, segment ?? ''), '{"receivedAt":1,"envelope":{"na');

    const second = await start();
    expect(second.store.stats()).toMatchObject({ items: 1, requests: 1, skippedLines: 1 });
    expect(await post(second, [requestEnvelope()])).toBe(200);
    expect((await readdir(join(dir.path, SEGMENTS_DIR))).filter((name) => name.endsWith('.jsonl'))).toHaveLength(2);
    expect((await rows(second))[0]?.requestCount).toBe(2);
  });
});
