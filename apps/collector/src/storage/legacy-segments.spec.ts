import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuery } from '@mirrormesh/kql';
import { readSummaryRows, summaryQuery } from '../query/summary-query';
import { LEGACY_SEGMENTS_DIR } from './storage-files';
import { TelemetryStore } from './telemetry-store';

/** Segment files as the previous storage wrote them: 3 requests, a dependency, a trace, a torn last line. */
const FIXTURE = join(__dirname, '..', '..', 'test', 'fixtures', 'legacy-segments');

describe('upgrading a data directory of segment files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirrormesh-upgrade-'));
    await cp(FIXTURE, join(dir, LEGACY_SEGMENTS_DIR), { recursive: true });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every stored item at open, skips the torn line, and removes the files', async () => {
    const store = await TelemetryStore.open(dir, { now: () => Date.parse('2026-11-21T00:00:00Z') });
    expect(store.stats()).toMatchObject({ items: 5, requests: 3, dependencies: 1, otherItems: 1, importedSegments: 2, skippedLines: 1 });
    expect(await readdir(dir)).not.toContain(LEGACY_SEGMENTS_DIR);
    expect(
      readSummaryRows((await runQuery(summaryQuery({ contains: 'MIR-' }), store.source)).tables[0]!).map(
        ({ podVersion, resultCode, duration, requestCount }) => [podVersion, resultCode, duration, requestCount],
      ),
    ).toEqual([
      ['V1MIR-LiveBookService', '200', 20, 2],
      ['V2MIR-BookService', '500', 1200, 1],
    ]);
    const [dependency] = store.source.scan('dependencies', { columns: ['target', 'resultCode', 'success', 'customDimensions'] });
    expect(dependency).toEqual(['bookservice-v2', '503', false, { Mirror: 'true', VersionTag: 'V2MIR-BookService' }]);
    await store.close();

    const reopened = await TelemetryStore.open(dir, { now: () => Date.parse('2026-11-21T00:00:00Z') });
    expect(reopened.stats()).toMatchObject({ items: 5, importedSegments: 0 });
    await reopened.close();
  });

  it('never imports a file twice when a crash left it behind after the import committed', async () => {
    const options = { now: () => Date.parse('2026-11-21T00:00:00Z') };
    await (await TelemetryStore.open(dir, options)).close();
    // The files reappear, as if the process died between the commit and their removal.
    await cp(FIXTURE, join(dir, LEGACY_SEGMENTS_DIR), { recursive: true });
    const store = await TelemetryStore.open(dir, options);
    expect(store.stats()).toMatchObject({ items: 5, importedSegments: 0 });
    expect(await readdir(dir)).not.toContain(LEGACY_SEGMENTS_DIR);
    await store.close();
  });
});
