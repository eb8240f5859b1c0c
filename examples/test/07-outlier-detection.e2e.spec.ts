import { type StatsSnapshot } from '@mirrormesh/proxy';
import { EXAMPLE_START_TIMEOUT_MS, type ExampleRun, getMany, startExample } from '../src';

// Exercise 7: of two endpoints, the fault variant fails book 2's reviews; it is ejected, then every request succeeds.
const CONSECUTIVE_5XX = 2;

describe('07-outlier-detection', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('07-outlier-detection', {
      '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' },
      '127.0.0.1:9083': { BOOK_SERVICE_VARIANT: 'fault', VERSION_TAG: 'V4MIR-BookServiceFault' },
    });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it('ejects the failing endpoint after two 5xx in a row, then every request succeeds', async () => {
    // Round robin: the failing endpoint gets every other request until it is ejected.
    const first = await getMany(`${run.sidecar.url}/books/2/reviews`, 2 * CONSECUTIVE_5XX);
    const failed = first.filter((a) => a.status === 500);
    expect(failed.length).toBe(CONSECUTIVE_5XX);
    expect(new Set(failed.map((a) => a.versionTag))).toEqual(new Set(['V4MIR-BookServiceFault']));

    const after = await getMany(`${run.sidecar.url}/books/2/reviews`, 20);
    expect(after.map((a) => [a.status, a.versionTag])).toEqual(Array(20).fill([200, 'V1MIR-LiveBookService']));

    const stats = (await (await fetch(`${run.sidecar.adminUrl}/stats`)).json()) as StatsSnapshot;
    expect(stats.clusterPolicy?.['books']).toMatchObject({ ejectionsTotal: 1, ejectedEndpoints: 1 });
  });
});
