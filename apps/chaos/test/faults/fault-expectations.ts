// What every fault scenario with a calm run shares: its phases, its figures line, and the
// expectations that hold whatever the mirror or the network does.
import { DRAIN_LIMIT_MS, MIRROR_TIMEOUT_MS } from '../../src/faults/fault-config';
import { unknownDropReasons } from '../../src/faults/mirror-accounting';
import { type FaultRun, type FaultRunOptions } from '../../src/faults/fault-run';
import { recordFigures } from '../../src/faults/faults-summary';
import { p99Limit, windowedP99 } from '../../src/faults/p99-limit';

const RATE = 300;
/**
 * Warm-up (unmeasured), a calm run, then 6 s of fault at 300 req/s: 1,800 requests per fault,
 * twice the copies a 3 s mirror timeout holds in flight, six windows for the judged p99, and a
 * suite that fits CI's budget. Scenarios that act during the run (kill, restart) take 10 s.
 */
export const CALM_THEN_FAULT: Pick<FaultRunOptions, 'warmup' | 'calm' | 'fault' | 'drainLimitMs'> = {
  warmup: { rate: RATE, durationMs: 1_000 },
  calm: { rate: RATE, durationMs: 4_000 },
  fault: { rate: RATE, durationMs: 6_000 },
  drainLimitMs: DRAIN_LIMIT_MS,
};
/** The fault phase of scenarios with timed actions: room for the action and for what follows it. */
export const LONG_FAULT: FaultRunOptions['fault'] = { rate: RATE, durationMs: 10_000 };
export const SCENARIO_TIMEOUT_MS = 60_000;

/** Prints the scenario's line of figures and adds it to faults-summary.json. */
export function recordRun(scenario: string, run: FaultRun, notes: string, extraMs = 0): void {
  const calmWindowed = windowedP99(run.calmRecords);
  recordFigures({
    scenario,
    requests: run.fault.requests,
    liveErrors: run.fault.errors,
    outcomes: run.fault.outcomes,
    calmP99Ms: run.calm?.p99Ms,
    faultP99Ms: run.fault.p99Ms,
    calmWindowedP99Ms: calmWindowed,
    faultWindowedP99Ms: windowedP99(run.faultRecords),
    p99LimitMs: calmWindowed === undefined ? undefined : p99Limit(calmWindowed, extraMs),
    mirror: run.phase,
    inflightDrainMs: run.inflightDrainMs,
    notes: `${notes}; mirror codes ${JSON.stringify(run.phase.mirrorByCode)}; load lag max ${run.maxLagMs.toFixed(0)} ms`,
  });
}

/** Every live request accounted for, and in-flight copies ended within the mirror timeout (plus grace) of the load's end. */
export function expectAccountedAndDrained(run: FaultRun): void {
  expect(unknownDropReasons(run.total)).toEqual([]);
  expect(run.atEnd.unaccounted).toBe(0);
  expect(run.total.unaccounted).toBe(0);
  expect(run.total.inflight).toBe(0);
  expect(run.inflightDrainMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
}

/**
 * Live answers 100 % with a p99 within p99Limit of the calm run (plus latency injected on
 * purpose), both judged by the median of their 1 s windows' p99s, and the accounting holds.
 */
export function expectLiveUntouchedAndAccounted(run: FaultRun, extraMs = 0): void {
  expect(run.fault.outcomes).toEqual({ '200': run.fault.requests });
  expect(windowedP99(run.faultRecords)).toBeLessThanOrEqual(p99Limit(windowedP99(run.calmRecords) ?? 0, extraMs));
  expectAccountedAndDrained(run);
}

/** A copy may end only by its mirror timeout, or be dropped for one of `reasons`. */
const codesOnly = (run: FaultRun, codes: readonly string[], reasons: readonly string[]) => ({
  codes: Object.keys(run.phase.mirrorByCode).filter((code) => !codes.includes(code)),
  reasons: Object.keys(run.phase.droppedByReason).filter((reason) => !reasons.includes(reason)),
});

/**
 * Every copy that was sent ended by the mirror timeout (one deadline per copy: queued,
 * connecting, sending or receiving), none answered, and the last of them ended at that timeout
 * after the load, not earlier (no other timer cut them) and not later (no connect timeout or
 * body idle timer outlived it). `alsoFailed`: codes a scenario allows besides (a reset of a
 * keep-alive connection the fault closed). Drops only by `reasons`.
 */
export function expectCopiesEndAtMirrorTimeout(
  run: FaultRun,
  { alsoFailed = [], reasons = ['inflight_cap'] }: { alsoFailed?: string[]; reasons?: string[] } = {},
): void {
  expect(codesOnly(run, ['upstream_timeout', ...alsoFailed], reasons)).toEqual({ codes: [], reasons: [] });
  expect(run.phase.answered).toBe(0);
  expect(run.phase.timedOut).toBeGreaterThan(0);
  expect(run.inflightDrainMs).toBeGreaterThanOrEqual(MIRROR_TIMEOUT_MS * 0.9);
  expect(run.inflightDrainMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
}
