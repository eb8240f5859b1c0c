import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { DEFAULT_HANDOFF_LIMITS, EXPORTER_RESTART_DELAY_MS, ThreadedTelemetry } from './threaded-telemetry';

const CONNECTION_STRING = 'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://127.0.0.1:9/';
const record = { method: 'GET', route: '/books', statusCode: 200, durationMs: 1 };

describe('ThreadedTelemetry', () => {
  let storage: string;
  let warnings: string[];
  let write: jest.SpyInstance;

  beforeEach(async () => {
    storage = await mkdtemp(join(tmpdir(), 'mirrormesh-threaded-'));
    warnings = [];
    write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      warnings.push(String(chunk));
      return true;
    });
  });

  afterEach(async () => {
    write.mockRestore();
    await rm(storage, { recursive: true, force: true });
  });

  const settings = () => ({
    connectionString: CONNECTION_STRING,
    roleName: 'probe',
    versionTag: 'V1MIR-Test',
    liveMetrics: false,
    statsbeat: false,
    nice: 0,
    storageDirectory: storage,
  });

  it('drops what exceeds its hand-off backlog, counts it and says so (nothing is lost silently)', async () => {
    const telemetry = new ThreadedTelemetry(settings(), { batchItems: 1_000, delayMs: 60_000, backlog: 2 });
    for (let i = 0; i < 5; i++) telemetry.trackRequest(record);
    await telemetry.shutdown();
    // The first loss is said at once, the rest when it stops (or at most every 10 s).
    const said = warnings.map((line) => JSON.parse(line) as { component: string; dropped: number; msg: string });
    expect(said.map((line) => line.dropped)).toEqual([1, 2]);
    expect(said[0]).toMatchObject({
      component: 'telemetry',
      msg: 'telemetry: 1 items dropped: the hand-off to the exporter thread was full (2 items)',
    });
  });

  it('is ready once its thread has loaded the SDK, and ignores tracking after shutdown without counting it as a loss', async () => {
    const telemetry = new ThreadedTelemetry(settings());
    await telemetry.ready();
    await telemetry.shutdown();
    telemetry.trackRequest(record);
    await telemetry.flush();
    expect(warnings).toEqual([]);
  });

  it('counts what a dying exporter thread held, and starts a new one', async () => {
    // An exporter thread that takes one batch, then dies the way a heap limit kills it.
    const dying = join(storage, 'dying-worker.js');
    await writeFile(dying, "require('node:worker_threads').parentPort.once('message', () => process.exit(7));");
    const telemetry = new ThreadedTelemetry(settings(), { ...DEFAULT_HANDOFF_LIMITS, batchItems: 2 }, dying);
    for (let i = 0; i < 4; i++) telemetry.trackRequest(record);
    // A thread that dies before it was ready does not hold the service's start-up.
    await telemetry.ready();
    await new Promise((resolve) => setTimeout(resolve, EXPORTER_RESTART_DELAY_MS / 2));
    telemetry.trackRequest(record);
    await new Promise((resolve) => setTimeout(resolve, EXPORTER_RESTART_DELAY_MS * 2));
    const said = warnings.map((line) => JSON.parse(line) as { msg: string; dropped?: number });
    expect(said[0]?.msg).toBe('telemetry: exporter thread exited (code 7); a new exporter thread starts in 1000 ms');
    // The 4 handed over died with the thread; the one tracked while none ran was dropped too.
    expect(said[1]).toMatchObject({ msg: 'telemetry: 5 items dropped: exporter thread exited (code 7)', dropped: 5 });
    // The new thread (same script) dies on its first batch as well: it was started.
    telemetry.trackRequest(record);
    telemetry.trackRequest(record);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings.filter((line) => line.includes('a new exporter thread starts'))).toHaveLength(2);
    await telemetry.shutdown();
  });
});
