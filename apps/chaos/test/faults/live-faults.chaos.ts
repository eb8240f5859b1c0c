// Live faults through the real sidecar process: a dead live answers 502 at once, a slow one 504
// on the route timeout (not Node's 300 s), a reset mid-body cuts the client's connection without
// taking the sidecar down, and a rolling SIGTERM restart behind retries costs no client an error.
import { DRAIN_LIMIT_MS } from '../../src/faults/fault-config';
import { runFaultScenario, type FaultRun } from '../../src/faults/fault-run';
import { startLocalRig, type LocalRig } from '../../src/faults/local-rig';
import { localGet } from '../../src/processes/http-get';
import { stopAllStarted } from '../../src/processes/child-process';
import { expectAccountedAndDrained, recordRun, SCENARIO_TIMEOUT_MS } from './fault-expectations';

/** A dead upstream is refused at once; anything slower than this is a hang, not a fast 502. */
const FAST_502_MS = 1_000;
const ROUTE_TIMEOUT_MS = 1_000;
/** The route timeout has a precise timer under 2 s: a 504 later than this is late. */
const ROUTE_TIMEOUT_SLACK_MS = 500;

let rig: LocalRig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(stopAllStarted);

const record = (scenario: string, run: FaultRun, notes: string): void =>
  recordRun(
    `live ${scenario}`,
    run,
    `${notes}; outcomes ${JSON.stringify(run.fault.outcomes)}; live codes ${JSON.stringify(run.phase.liveByCode)}`,
  );

const latencies = (run: FaultRun, outcome: string): number[] => run.faultRecords.filter((r) => r.outcome === outcome).map((r) => r.ms);

describe('live faults under steady load (real sidecar process)', () => {
  it(
    'live killed: 502 at once, no hang, no client-side error',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await runFaultScenario(r.target, {
        fault: { rate: 300, durationMs: 6_000 },
        drainLimitMs: DRAIN_LIMIT_MS,
        during: [{ atMs: 2_000, run: () => r.live[0]?.stop('SIGKILL') ?? Promise.resolve() }],
      });
      const slowest502 = Math.max(0, ...latencies(run, '502'));
      record('killed', run, `slowest 502 ${slowest502.toFixed(1)} ms`);
      expect(Object.keys(run.fault.outcomes).sort()).toEqual(['200', '502']);
      expect(run.fault.outcomes['502']).toBeGreaterThan(0);
      expect(slowest502).toBeLessThanOrEqual(FAST_502_MS);
      expectAccountedAndDrained(run);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'live slower than the route timeout: 504 on time (route timeout 1s, live answers after 3 s)',
    async () => {
      rig = await startLocalRig({ liveBehaviour: 'slow', tuning: { slowMs: 3_000 }, route: { routeTimeout: `${ROUTE_TIMEOUT_MS}ms` } });
      // 100 req/s × 1 s = 100 requests open at once: more than the 64 live connections, so some
      // wait in the pool, and the route timeout counts that wait too.
      const run = await runFaultScenario(rig.target, {
        fault: { rate: 100, durationMs: 5_000, connections: 256 },
        drainLimitMs: DRAIN_LIMIT_MS,
      });
      const times = latencies(run, '504');
      const [fastest, slowest] = [Math.min(...times), Math.max(...times)];
      record('slower than the route timeout', run, `504 after ${fastest.toFixed(0)}–${slowest.toFixed(0)} ms`);
      expect(run.fault.outcomes).toEqual({ '504': run.fault.requests });
      expect(fastest).toBeGreaterThanOrEqual(ROUTE_TIMEOUT_MS * 0.95);
      expect(slowest).toBeLessThanOrEqual(ROUTE_TIMEOUT_MS + ROUTE_TIMEOUT_SLACK_MS);
      expectAccountedAndDrained(run);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'live resetting mid-body: the client connection is cut, the sidecar lives on, the exchange counts as upstream_reset',
    async () => {
      rig = await startLocalRig({ liveBehaviour: 'reset-mid-response' });
      const run = await runFaultScenario(rig.target, { fault: { rate: 100, durationMs: 4_000 }, drainLimitMs: DRAIN_LIMIT_MS });
      const ready = await localGet(`${rig.sidecar.adminUrl}/health/ready`);
      record('reset mid-body', run, `sidecar alive ${rig.sidecar.child.alive()}, ready ${ready.status}`);
      // Every answer started (200 headers) and was cut: the client sees a socket error, never a whole 200.
      expect(run.fault.ok).toBe(0);
      expect(Object.keys(run.fault.outcomes).every((outcome) => !/^\d+$/.test(outcome))).toBe(true);
      expect(rig.sidecar.child.alive()).toBe(true);
      expect(ready.status).toBe(200);
      expectAccountedAndDrained(run);
      // Failed after its status line: counted by its error code, not the 200 it never finished.
      expect(run.phase.liveByCode).toEqual({ upstream_reset: run.fault.requests });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'rolling SIGTERM restart of one of two live endpoints under load: 0 client errors with retries { attempts: 2 }',
    async () => {
      rig = await startLocalRig({ liveCount: 2, route: { retries: { attempts: 2 } } });
      const r = rig;
      const roll = (i: number) => async (): Promise<void> => {
        await r.live[i]?.stop('SIGTERM');
        await r.restart(i);
      };
      const run = await runFaultScenario(r.target, {
        fault: { rate: 300, durationMs: 10_000 },
        drainLimitMs: DRAIN_LIMIT_MS,
        during: [
          { atMs: 2_000, run: roll(0) },
          { atMs: 6_000, run: roll(1) },
        ],
      });
      record('rolling SIGTERM restart', run, 'live-0 at 2 s, live-1 at 6 s');
      expect(run.fault.outcomes).toEqual({ '200': run.fault.requests });
      expectAccountedAndDrained(run);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
