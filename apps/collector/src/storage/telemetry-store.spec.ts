import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StorageWriteError } from '../errors';
import { checkEnvelope } from '../ingest/envelope-validator';
import { type AcceptedItem } from '../ingest/track-batch';
import { DATABASE_FILE } from './storage-files';
import { TelemetryStore } from './telemetry-store';

const DAY_MS = 86_400_000;

function item(versionTag: string, time = '2026-11-21T04:00:00.000Z', padding = ''): AcceptedItem {
  const check = checkEnvelope({
    name: 'Microsoft.ApplicationInsights.Request',
    time,
    data: {
      baseType: 'RequestData',
      baseData: {
        name: 'GET /books',
        duration: '00:00:00.010',
        responseCode: '200',
        success: true,
        properties: { VersionTag: versionTag, padding },
      },
    },
  });
  if (!check.ok) throw new Error(check.message);
  return { json: JSON.stringify(check.envelope), envelope: check.envelope };
}

/** The VersionTag of every stored request (in range), read as the KQL engine reads them. */
function versionTags(store: TelemetryStore, timeRange?: { from: number; to: number }): (string | undefined)[] {
  const rows = store.source.scan('requests', {
    columns: ['customDimensions'],
    dynamicKeys: new Map([['customDimensions', ['VersionTag']]]),
    ...(timeRange === undefined ? {} : { timeRange }),
  });
  return [...rows].map(([dimensions]) => (dimensions as { VersionTag?: string }).VersionTag);
}

function tags(store: TelemetryStore): Set<string | undefined> {
  return new Set(versionTags(store));
}

describe('TelemetryStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('commits concurrent appends (grouped) and has them all after a reopen', async () => {
    const store = await TelemetryStore.open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.append([item(`V2MIR-${index}`), item(`V2MIR-${index}`)])));
    // Made in one turn of the event loop, the 20 appends share one transaction.
    expect(store.stats()).toMatchObject({ items: 40, requests: 40, commits: 1 });
    await store.append([item('V2MIR-later')]);
    expect(store.stats()).toMatchObject({ items: 41, commits: 2 });
    await store.close();
    const reopened = await TelemetryStore.open(dir);
    expect(reopened.stats()).toMatchObject({ items: 41, requests: 41, dependencies: 0, otherItems: 0 });
    expect(tags(reopened).size).toBe(21);
    await reopened.close();
  });

  it('rejects with StorageWriteError, storing nothing, when the commit fails; later appends commit', async () => {
    const store = await TelemetryStore.open(dir);
    await store.append([item('V1MIR-before')]);
    // Another connection makes every insert fail, as a full disk or an I/O error would.
    const other = new DatabaseSync(join(dir, DATABASE_FILE));
    other.exec(`CREATE TRIGGER refuse BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const failing = store.append([item('V1MIR-lost'), item('V1MIR-lost')]);
    await expect(failing).rejects.toBeInstanceOf(StorageWriteError);
    await expect(failing).rejects.toThrow(/disk on fire/);
    other.exec('DROP TRIGGER refuse');
    other.close();
    await store.append([item('V1MIR-after')]);
    expect(store.stats().requests).toBe(2);
    expect(tags(store)).toEqual(new Set(['V1MIR-before', 'V1MIR-after']));
    await store.close();
  });

  it('refuses to append once closed, with a coded error', async () => {
    const store = await TelemetryStore.open(dir);
    await store.close();
    await expect(store.append([item('V1MIR-x')])).rejects.toBeInstanceOf(StorageWriteError);
  });

  it('past the size bound deletes the oldest rows, keeps the newest, and gives the space back', async () => {
    const maxBytes = 512 * 1024;
    const store = await TelemetryStore.open(dir, { limits: { retentionMaxBytes: maxBytes, retentionDays: 30 } });
    const start = Date.parse('2026-11-21T04:00:00.000Z');
    // 40 batches of 100 rows of about 500 bytes: 2 MB in all, four times the bound.
    for (let batch = 0; batch < 40; batch += 1) {
      const time = new Date(start + batch * 1000).toISOString();
      await store.append(Array.from({ length: 100 }, () => item(`V1MIR-${batch}`, time, 'x'.repeat(400))));
    }
    const kept = tags(store);
    expect(kept.has('V1MIR-39')).toBe(true);
    expect(kept.has('V1MIR-0')).toBe(false);
    const stats = store.stats();
    expect(stats.requests).toBeLessThan(4000);
    expect(stats.requests).toBe(versionTags(store).length);
    // Every batch older than the oldest one kept is gone: oldest first.
    const oldestKept = Math.min(...[...kept].map((tag) => Number(tag?.slice('V1MIR-'.length))));
    expect([...kept].length).toBe(40 - oldestKept);
    await store.close();
    // Closed, the WAL is folded in: the file holds no more than the bound plus a batch's pages.
    expect(statSync(join(dir, DATABASE_FILE)).size).toBeLessThan(maxBytes + 256 * 1024);
  });

  it('deletes rows older than RETENTION_DAYS at open and when retention runs, and keeps the rest', async () => {
    let now = Date.parse('2026-11-21T04:00:00.000Z');
    const store = await TelemetryStore.open(dir, { limits: { retentionMaxBytes: 1 << 30, retentionDays: 30 }, now: () => now });
    await store.append([
      item('V1MIR-old', new Date(now - 31 * DAY_MS).toISOString()),
      item('V1MIR-recent', new Date(now - 29 * DAY_MS).toISOString()),
      item('V1MIR-new', new Date(now).toISOString()),
    ]);
    store.enforceRetention();
    expect(tags(store)).toEqual(new Set(['V1MIR-recent', 'V1MIR-new']));
    await store.close();

    now += 2 * DAY_MS;
    const reopened = await TelemetryStore.open(dir, { limits: { retentionMaxBytes: 1 << 30, retentionDays: 30 }, now: () => now });
    expect(tags(reopened)).toEqual(new Set(['V1MIR-new']));
    expect(reopened.stats()).toMatchObject({ items: 1, requests: 1 });
    await reopened.close();
  });

  it('streams requests within a time range from the timestamp index', async () => {
    const store = await TelemetryStore.open(dir);
    await store.append([
      item('V1MIR-a', '2026-11-21T04:00:00.000Z'),
      item('V1MIR-b', '2026-11-21T04:00:01.000Z'),
      item('V1MIR-c', '2026-11-21T04:00:02.000Z'),
    ]);
    const range = { from: Date.parse('2026-11-21T04:00:01.000Z'), to: Date.parse('2026-11-21T04:00:02.000Z') };
    expect(versionTags(store, range)).toEqual(['V1MIR-b']);
    await store.close();
  });
});
