// What every fault scenario with a calm run shares: its phases, its figures line, and the
// expectations that hold whatever the mirror or the network does.
import { DRAIN_LIMIT_MS } from '../../src/faults/fault-config';
import { type FaultRun, type FaultRunOptions } from '../../src/faults/fault-run';
import { recordFigures } from '../../src/faults/faults-summary';
import { p99Limit } from '../../src/faults/p99-limit';

const RATE = 300;
/** Warm-up (unmeasured), a calm run, then 10 s of fault at 300 req/s: 3,000 requests per fault. */
export const CALM_THEN_FAULT: Pick<FaultRunOptions, 'warmup' | 'calm' | 'fault' | 'drainLimitMs'> = {
  warmup: { rate: RATE, durationMs: 1_000 },
  calm: { rate: RATE, durationMs: 4_000 },
  fault: { rate: RATE, durationMs: 10_000 },
  drainLimitMs: DRAIN_LIMIT_MS,
};
export const SCENARIO_TIMEOUT_MS = 60_000;

/** Prints the scenario's line of figures and adds it to faults-summary.json. */
export function recordRun(scenario: string, run: FaultRun, notes: string, extraMs = 0): void {
  recordFigures({
    scenario,
    requests: run.fault.requests,
    liveErrors: run.fault.errors,
    outcomes: run.fault.outcomes,
    calmP99Ms: run.calm?.p99Ms,
    faultP99Ms: run.fault.p99Ms,
    p99LimitMs: run.calm?.p99Ms === undefined ? undefined : p99Limit(run.calm.p99Ms, extraMs),
    mirror: run.phase,
    inflightDrainMs: run.inflightDrainMs,
    notes: `${notes}; mirror codes ${JSON.stringify(run.phase.mirrorByCode)}; load lag max ${run.maxLagMs.toFixed(0)} ms`,
  });
}

/** Every live request accounted for, and in-flight copies ended within the mirror timeout (plus grace) of the load's end. */
export function expectAccountedAndDrained(run: FaultRun): void {
  expect(run.atEnd.unaccounted).toBe(0);
  expect(run.total.unaccounted).toBe(0);
  expect(run.total.inflight).toBe(0);
  expect(run.inflightDrainMs).toBeLessThanOrEqual(DRAIN_LIMIT_MS);
}

/** Live answers 100 % with a p99 within p99Limit of the calm run (plus latency injected on purpose), and the accounting holds. */
export function expectLiveUntouchedAndAccounted(run: FaultRun, extraMs = 0): void {
  expect(run.fault.outcomes).toEqual({ '200': run.fault.requests });
  expect(run.fault.p99Ms).toBeLessThanOrEqual(p99Limit(run.calm?.p99Ms ?? 0, extraMs));
  expectAccountedAndDrained(run);
}
