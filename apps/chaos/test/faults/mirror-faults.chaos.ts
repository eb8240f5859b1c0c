// Mirror faults under steady keep-alive load through the real sidecar process: whatever the
// mirror does, live answers 100 %, its p99 stays within p99Limit of a calm run measured in the
// same test, and the sidecar's own metrics account for every live request's copy.
import { DRAIN_LIMIT_MS } from '../../src/faults/fault-config';
import { runFaultScenario, readAccounting, type FaultRun } from '../../src/faults/fault-run';
import { recordFigures } from '../../src/faults/faults-summary';
import { startLocalRig, type LocalRig } from '../../src/faults/local-rig';
import { p99Limit } from '../../src/faults/p99-limit';
import { type MirrorAccounting } from '../../src/faults/mirror-accounting';
import { stopAllStarted } from '../../src/processes/child-process';

const RATE = 300;
const WARMUP = { rate: RATE, durationMs: 1_000 };
const CALM = { rate: RATE, durationMs: 4_000 };
const FAULT = { rate: RATE, durationMs: 10_000 };
const SCENARIO_TIMEOUT_MS = 60_000;

let rig: LocalRig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(stopAllStarted);

function record(scenario: string, run: FaultRun, notes?: string): void {
  recordFigures({
    scenario: `mirror ${scenario}`,
    requests: run.fault.requests,
    liveErrors: run.fault.errors,
    outcomes: run.fault.outcomes,
    calmP99Ms: run.calm?.p99Ms,
    faultP99Ms: run.fault.p99Ms,
    p99LimitMs: run.calm?.p99Ms === undefined ? undefined : p99Limit(run.calm.p99Ms),
    mirror: run.phase,
    inflightDrainMs: run.inflightDrainMs,
    notes: `${notes === undefined ? '' : `${notes}; `}mirror codes ${JSON.stringify(run.phase.mirrorByCode)}; load lag max ${run.maxLagMs.toFixed(0)} ms`,
  });
}

/** What holds whatever the mirror does. */
function expectLiveUntouchedAndAccounted(run: FaultRun): void {
  expect(run.fault.outcomes).toEqual({ '200': run.fault.requests });
  expect(run.fault.p99Ms).toBeLessThanOrEqual(p99Limit(run.calm?.p99Ms ?? 0));
  // Every live request is a copy answered, failed, timed out, dropped or still in flight.
  expect(run.atEnd.unaccounted).toBe(0);
  expect(run.total.unaccounted).toBe(0);
  // In-flight copies end within the mirror timeout (plus the named grace) of the load's end.
  expect(run.total.inflight).toBe(0);
  expect(run.inflightDrainMs).toBeDefined();
}

async function scenario(options: Parameters<typeof runFaultScenario>[1]): Promise<FaultRun> {
  if (rig === undefined) throw new Error('no rig');
  return runFaultScenario(rig.target, options);
}

describe('mirror faults under steady keep-alive load (real sidecar process, mirror.timeout 3s)', () => {
  it(
    'a mirror killed mid-run: copies fail or are dropped as unreachable, live never notices',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        during: [{ atMs: 3_000, run: () => r.mirror.stop('SIGKILL') }],
      });
      record('killed', run);
      expectLiveUntouchedAndAccounted(run);
      expect(run.phase.failed + run.phase.timedOut + (run.phase.droppedByReason.unreachable ?? 0)).toBeGreaterThan(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror killed, then restarted on its port: copies are answered again once it is back',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      let afterRestart: MirrorAccounting | undefined;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        during: [
          { atMs: 2_000, run: () => r.mirror.stop('SIGKILL') },
          {
            atMs: 4_000,
            run: async () => {
              await r.restart('mirror');
              // The unreachable breaker lets one copy probe after 1 s; from then on copies flow again.
              await new Promise((resolve) => setTimeout(resolve, 1_500));
              afterRestart = await readAccounting(r.target);
            },
          },
        ],
      });
      const since = afterRestart as MirrorAccounting;
      const answeredSince = run.total.answered - since.answered;
      const liveSince = run.total.live - since.live;
      record('restarted', run, `after restart: ${answeredSince} of ${liveSince} copies answered`);
      expectLiveUntouchedAndAccounted(run);
      expect(answeredSince).toBeGreaterThanOrEqual(0.95 * liveSince);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a hanging mirror (accepts, never answers): every copy times out or is dropped within the mirror timeout',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        inject: () => r.mirror.setBehaviour('hang'),
      });
      record('hanging', run);
      expectLiveUntouchedAndAccounted(run);
      expect(run.phase.answered).toBe(0);
      expect(run.phase.timedOut + run.phase.dropped).toBe(run.phase.live);
      expect(run.inflightDrainMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror resetting mid-response (200 headers, part of the body, socket destroyed): counted upstream_reset, not 200',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        inject: () => r.mirror.setBehaviour('reset-mid-response'),
      });
      record('reset mid-response', run);
      expectLiveUntouchedAndAccounted(run);
      // The exchange failed after its status line: its code is the error, never the status it never finished.
      expect(run.phase.mirrorByCode['200'] ?? 0).toBe(0);
      expect(run.phase.answered).toBe(0);
      expect((run.phase.mirrorByCode.upstream_reset ?? 0) + run.phase.dropped).toBe(run.phase.live);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror trickling its answer (1 byte / 25 ms, 6 s in all): the 3 s mirror timeout bounds every copy',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        inject: () => r.mirror.setBehaviour('trickle'),
      });
      record('trickling', run);
      expectLiveUntouchedAndAccounted(run);
      // No copy outlives the mirror timeout, so none can finish a 6 s answer.
      expect(run.phase.answered).toBe(0);
      expect(run.phase.timedOut + run.phase.dropped).toBe(run.phase.live);
      expect(run.inflightDrainMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror answering garbage (not HTTP): every copy fails, none is counted answered',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        inject: () => r.mirror.setBehaviour('garbage'),
      });
      record('garbage', run);
      expectLiveUntouchedAndAccounted(run);
      expect(run.phase.answered).toBe(0);
      expect(run.phase.failed + run.phase.dropped).toBe(run.phase.live);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror answering 500 on 40 %: every copy answered, about 40 % of them 500',
    async () => {
      rig = await startLocalRig();
      const r = rig;
      const run = await scenario({
        warmup: WARMUP,
        calm: CALM,
        fault: FAULT,
        drainLimitMs: DRAIN_LIMIT_MS,
        inject: () => r.mirror.setBehaviour('error-share'),
      });
      const share = (run.phase.mirrorByCode['500'] ?? 0) / Math.max(1, run.phase.answered);
      record('500 on 40 %', run, `500 share ${(share * 100).toFixed(1)} %`);
      expectLiveUntouchedAndAccounted(run);
      expect(run.phase.answered).toBe(run.phase.live);
      // 3000 draws at p = 0.4: the standard deviation of the share is 0.9 %; ±5 % is over five of them.
      expect(share).toBeGreaterThan(0.35);
      expect(share).toBeLessThan(0.45);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
