import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { type Collector } from '../src/collector.app';
import { type TrackResponse } from '../src/ingest/track-response';
import { requestEnvelope } from './support/envelopes';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from '../src/testing';

// Regression: a 16 KiB gzip body inflating to a JSON array of 8 million zeros held the collector's
// event loop 2-3 s (gunzipSync, then JSON.parse and a check per item) and left +300 MiB RSS. The
// collector runs with its default limits here: those are what an attacker meets.

/** A health answer slower than this means the event loop was held (it took seconds before the fix). */
const HEALTH_BOUND_MS = 1_000;
const ATTACK_ROUNDS = 2;
const CONCURRENT_BOMBS = 4;
/** RSS the attack may leave behind (before the fix: about 300 MiB per bomb). */
const RSS_GROWTH_BOUND = 150 * 1024 * 1024;

/** `[0,0,…,0]` with `zeros` zeros, gzipped: about 2 bytes per thousand zeros. */
function zerosBomb(zeros: number): Buffer {
  return gzipSync(`[${'0,'.repeat(zeros - 1)}0]`, { level: 9 });
}

describe('compression bomb: a tiny gzip body that inflates to millions of items', () => {
  let collector: Collector;
  let agent: Agent;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const dir = await tempDir('compression-bomb');
    removeDir = dir.remove;
    collector = await startTestCollector(dir.path);
    agent = new Agent({ connect: { ca: collector.tls.cert } });
  });

  afterAll(async () => {
    await agent.close();
    await collector.close();
    await removeDir();
  });

  async function track(body: string | Buffer, contentEncoding?: string): Promise<{ status: number; body: TrackResponse }> {
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', ...(contentEncoding === undefined ? {} : { 'content-encoding': contentEncoding }) },
      body,
    });
    return { status: response.statusCode, body: (await response.body.json()) as TrackResponse };
  }

  /** Asks /health/live one request at a time until `done` settles; resolves with each answer's latency. */
  async function probeHealth(done: Promise<unknown>): Promise<number[]> {
    let finished = false;
    void done.finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      const response = await request(`${collector.listeners.plainUrl}/health/live`);
      await response.body.dump();
      expect(response.statusCode).toBe(200);
      latencies.push(performance.now() - started);
      await sleep(5);
    }
    return latencies;
  }

  it('refuses the bombs with 413 naming the limit, keeps health fast, holds no memory, and still stores valid batches', async () => {
    const decodedBomb = zerosBomb(8_000_000);
    expect(decodedBomb.length).toBeLessThan(20 * 1024);
    // Decodes within the default MAX_DECODED_BYTES (4 MiB), but holds a million items.
    const itemsBomb = zerosBomb(1_000_000);
    const rssBefore = process.memoryUsage().rss;

    const answers: { status: number; body: TrackResponse }[] = [];
    const attack = (async () => {
      for (let round = 0; round < ATTACK_ROUNDS; round++) {
        const bombs = Array.from({ length: CONCURRENT_BOMBS }, (_, i) => (i % 2 === 0 ? decodedBomb : itemsBomb));
        answers.push(...(await Promise.all(bombs.map((bomb) => track(bomb, 'gzip')))));
      }
    })();
    const latencies = await probeHealth(attack);
    await attack;

    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(HEALTH_BOUND_MS);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(RSS_GROWTH_BOUND);
    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(ATTACK_ROUNDS * CONCURRENT_BOMBS).fill(413));
    const messages = new Set(answers.map((answer) => answer.body.errors[0]?.message));
    expect([...messages].sort()).toEqual([
      'batch has more than 2048 items (MAX_ITEMS_PER_BATCH); nothing was stored',
      'decoded body exceeds 4194304 bytes (MAX_DECODED_BYTES); nothing was stored',
    ]);

    // Valid SDK-shaped batches (512 items, as the SDK sends them), gzip and plain, are still stored.
    const before = collector.store.stats().items;
    const batch = JSON.stringify(Array.from({ length: 512 }, () => requestEnvelope({ versionTag: 'V1MIR-AfterBomb' })));
    expect(await track(gzipSync(batch), 'gzip')).toEqual({ status: 200, body: { itemsReceived: 512, itemsAccepted: 512, errors: [] } });
    expect(await track(batch)).toEqual({ status: 200, body: { itemsReceived: 512, itemsAccepted: 512, errors: [] } });
    expect(collector.store.stats().items).toBe(before + 1024);
  });
});
