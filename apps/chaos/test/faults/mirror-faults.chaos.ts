// Mirror faults under steady keep-alive load through the real sidecar process: whatever the
// mirror does, live answers 100 %, its p99 stays within p99Limit of a calm run measured in the
// same test, and the sidecar's own metrics account for every live request's copy.
import { type FaultBehaviour } from '../../src/faults/fault-behaviours';
import { readAccounting, runFaultScenario, type FaultRun, type TimedAction } from '../../src/faults/fault-run';
import { startLocalRig, type LocalRig } from '../../src/faults/local-rig';
import { type MirrorAccounting } from '../../src/faults/mirror-accounting';
import { sleep, stopAllStarted } from '../../src/processes/child-process';
import {
  CALM_THEN_FAULT,
  expectCopiesEndAtMirrorTimeout,
  expectLiveUntouchedAndAccounted,
  LONG_FAULT,
  recordRun,
  SCENARIO_TIMEOUT_MS,
} from './fault-expectations';

let rig: LocalRig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(stopAllStarted);

/** A fresh rig, a calm run, then the mirror turned `behaviour` (or the timed actions) for the fault run. */
async function mirrorFault(
  scenario: string,
  fault: { behaviour?: FaultBehaviour; during?: (r: LocalRig) => TimedAction[] },
  notes: (run: FaultRun) => string = () => '',
): Promise<FaultRun> {
  const r = (rig = await startLocalRig());
  const behaviour = fault.behaviour;
  const run = await runFaultScenario(r.target, {
    ...CALM_THEN_FAULT,
    ...(fault.during === undefined ? {} : { fault: LONG_FAULT }),
    inject: behaviour === undefined ? undefined : () => r.mirror.setBehaviour(behaviour),
    during: fault.during?.(r),
  });
  recordRun(`mirror ${scenario}`, run, notes(run));
  expectLiveUntouchedAndAccounted(run);
  return run;
}

describe('mirror faults under steady keep-alive load (real sidecar process, mirror.timeout 3s)', () => {
  it(
    'a mirror killed mid-run: copies fail or are dropped as unreachable, live never notices',
    async () => {
      const run = await mirrorFault('killed', { during: (r) => [{ atMs: 3_000, run: () => r.mirror.stop('SIGKILL') }] });
      expect(run.phase.failed + run.phase.timedOut + (run.phase.droppedByReason.unreachable ?? 0)).toBeGreaterThan(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror killed, then restarted on its port: copies are answered again once it is back',
    async () => {
      let since: MirrorAccounting | undefined;
      const restart = (r: LocalRig) => async (): Promise<void> => {
        await r.restart('mirror');
        // The unreachable breaker lets one copy probe after 1 s; from then on copies flow again.
        await sleep(1_500);
        since = await readAccounting(r.target);
      };
      const afterRestart = (run: FaultRun): { answered: number; live: number } => ({
        answered: run.total.answered - (since?.answered ?? 0),
        live: run.total.live - (since?.live ?? 0),
      });
      const run = await mirrorFault(
        'restarted',
        {
          during: (r) => [
            { atMs: 2_000, run: () => r.mirror.stop('SIGKILL') },
            { atMs: 4_000, run: restart(r) },
          ],
        },
        (done) => `after restart: ${afterRestart(done).answered} of ${afterRestart(done).live} copies answered`,
      );
      expect(since).toBeDefined();
      expect(afterRestart(run).answered).toBeGreaterThanOrEqual(0.95 * afterRestart(run).live);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a hanging mirror (accepts, never answers): every copy times out or is dropped within the mirror timeout',
    async () => {
      const run = await mirrorFault('hanging', { behaviour: 'hang' });
      expectCopiesEndAtMirrorTimeout(run);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror resetting mid-response (200 headers, part of the body, socket destroyed): counted upstream_reset, not 200',
    async () => {
      const run = await mirrorFault('reset mid-response', { behaviour: 'reset-mid-response' });
      // The exchange failed after its status line: its code is the error, never the status it never finished.
      expect(run.phase.mirrorByCode['200'] ?? 0).toBe(0);
      expect(run.phase.answered).toBe(0);
      expect((run.phase.mirrorByCode.upstream_reset ?? 0) + run.phase.dropped).toBe(run.phase.live);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror trickling its answer (1 byte / 25 ms, 6 s in all): every copy is timed out at the 3 s mirror timeout',
    async () => {
      const run = await mirrorFault('trickling', { behaviour: 'trickle' });
      // One deadline per copy: a byte every 25 ms keeps no idle timer from firing, the deadline still does.
      expectCopiesEndAtMirrorTimeout(run);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror answering garbage (not HTTP): every copy fails, none is counted answered',
    async () => {
      const run = await mirrorFault('garbage', { behaviour: 'garbage' });
      expect(run.phase.answered).toBe(0);
      expect(run.phase.failed + run.phase.dropped).toBe(run.phase.live);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'a mirror answering 500 on 40 %: every copy answered, about 40 % of them 500',
    async () => {
      const share = (run: FaultRun): number => (run.phase.mirrorByCode['500'] ?? 0) / Math.max(1, run.phase.answered);
      const run = await mirrorFault('500 on 40 %', { behaviour: 'error-share' }, (done) => `500 share ${(share(done) * 100).toFixed(1)} %`);
      expect(run.phase.answered).toBe(run.phase.live);
      // 1,800 draws at p = 0.4: the standard deviation of the share is 1.2 %; ±5 % is over four of them.
      expect(share(run)).toBeGreaterThan(0.35);
      expect(share(run)).toBeLessThan(0.45);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
