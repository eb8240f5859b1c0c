import { type RequestRecord, type Telemetry } from '../telemetry';
import { SdkFeeder, type TakenReport } from './sdk-feeder';

/** A Telemetry that records what it was given and whose flushes finish when the test says. */
class HeldFlushes implements Telemetry {
  readonly enabled = true;
  readonly roleName = 'test';
  readonly versionTag = undefined;
  tracked: string[] = [];
  sent = 0;
  private pending: Array<() => void> = [];
  throwOn: string | undefined;

  trackRequest(record: RequestRecord): void {
    if (record.route === this.throwOn) throw new Error(`refused ${record.route}`);
    this.tracked.push(record.route);
  }
  trackDependency(): void {
    this.tracked.push('dependency');
  }
  ready(): Promise<void> {
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return new Promise((resolve) =>
      this.pending.push(() => {
        this.sent = this.tracked.length;
        resolve();
      }),
    );
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
  /** Completes the flushes asked so far. */
  async release(): Promise<void> {
    const now = this.pending;
    this.pending = [];
    for (const finish of now) finish();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const requests = (...routes: string[]): RequestRecord[] =>
  routes.map((route) => ({ method: 'GET', route, statusCode: 200, durationMs: 1 }));

describe('SdkFeeder', () => {
  it('gives the SDK at most a window of items until a flush has sent them', async () => {
    const sdk = new HeldFlushes();
    const taken: TakenReport[] = [];
    const feeder = new SdkFeeder(sdk, 3, (report) => taken.push(report));
    feeder.add(requests('a', 'b', 'c', 'd', 'e', 'f', 'g'), []);
    expect(sdk.tracked).toEqual(['a', 'b', 'c']);
    await sdk.release();
    expect(sdk.tracked).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    await sdk.release();
    expect(sdk.tracked).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(taken.map((report) => report.count)).toEqual([3, 3, 1]);
  });

  it('flush resolves only after every earlier item went into the SDK and was sent', async () => {
    const sdk = new HeldFlushes();
    const feeder = new SdkFeeder(sdk, 2, () => undefined);
    feeder.add(requests('a', 'b', 'c', 'd', 'e'), []);
    let flushed = false;
    const flush = feeder.flush().then(() => (flushed = true));
    for (let i = 0; i < 5 && !flushed; i++) await sdk.release();
    await flush;
    expect(sdk.tracked).toHaveLength(5);
    expect(sdk.sent).toBe(5);
  });

  it('reports items the SDK throws on, with the first reason, and goes on with the rest', () => {
    const sdk = new HeldFlushes();
    sdk.throwOn = 'bad';
    const taken: TakenReport[] = [];
    const feeder = new SdkFeeder(sdk, 10, (report) => taken.push(report));
    feeder.add(requests('a', 'bad', 'c'), [
      { name: 'GET /x', type: 'HTTP', target: 'm', data: '/x', resultCode: '200', success: true, durationMs: 1 },
    ]);
    expect(sdk.tracked).toEqual(['a', 'c', 'dependency']);
    expect(taken).toEqual([{ count: 4, failed: 1, error: 'refused bad' }]);
  });
});
