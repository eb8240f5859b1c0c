import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageWriteError } from '../errors';
import { checkEnvelope } from '../ingest/envelope-validator';
import { type AcceptedItem } from '../ingest/track-batch';
import { SegmentStore } from './segment-store';

function item(versionTag: string): AcceptedItem {
  const check = checkEnvelope({
    name: 'Microsoft.ApplicationInsights.Request',
    time: '2026-11-21T04:00:00.000Z',
    data: {
      baseType: 'RequestData',
      baseData: {
        name: 'GET /books',
        duration: '00:00:00.010',
        responseCode: '200',
        success: true,
        properties: { VersionTag: versionTag },
      },
    },
  });
  if (!check.ok) throw new Error(check.message);
  return { json: JSON.stringify(check.envelope), request: check.request };
}

describe('SegmentStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rotates segments by size and deletes the oldest past the retention size', async () => {
    const store = await SegmentStore.open(dir, { segmentMaxBytes: 4096, retentionMaxBytes: 3 * 4096 });
    const line = Buffer.byteLength(`{"receivedAt":1,"envelope":${item('V1MIR-a').json}}`) + 1;
    const perSegment = Math.floor(4096 / line);
    for (let batch = 0; batch < 10; batch += 1) {
      await store.append(
        Array.from({ length: perSegment }, () => item(`V1MIR-${batch}`)),
        1,
      );
    }
    const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));
    expect(files.length).toBeLessThanOrEqual(3);
    expect(store.stats().bytes).toBeLessThanOrEqual(3 * 4096);
    // The rows of deleted segments are gone too: only the newest batches remain queryable.
    const tags = new Set([...store.requests()].map((row) => row.versionTag));
    expect(tags.has('V1MIR-9')).toBe(true);
    expect(tags.has('V1MIR-0')).toBe(false);
    await store.close();
  });

  it('serialises concurrent appends and loads them all back', async () => {
    const store = await SegmentStore.open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.append([item(`V2MIR-${index}`), item(`V2MIR-${index}`)])));
    await store.close();
    const reopened = await SegmentStore.open(dir);
    expect(reopened.stats()).toMatchObject({ items: 40, requests: 40, skippedLines: 0 });
    await reopened.close();
  });

  it('refuses to append once closed, with a coded error', async () => {
    const store = await SegmentStore.open(dir);
    await store.close();
    await expect(store.append([item('V1MIR-x')])).rejects.toBeInstanceOf(StorageWriteError);
  });
});
