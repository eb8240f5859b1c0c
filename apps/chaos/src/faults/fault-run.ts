import { sleep } from '../processes/child-process';
import { accountingBetween, accountMirror, type MirrorAccounting } from './mirror-accounting';
import { parsePrometheusText } from './prometheus-text';
import { summarizeLoad, type LoadRecord, type LoadResult, type LoadSummary, type SteadyLoadOptions } from './steady-load';

/** What a fault run drives: load through the sidecar, and the sidecar's own metrics. */
export interface FaultRunTarget {
  readonly url: string;
  readonly route: string;
  readonly mirrorCluster: string;
  readonly metrics: () => Promise<string>;
  readonly load: (options: SteadyLoadOptions) => Promise<LoadResult>;
}

export interface Phase {
  readonly rate: number;
  readonly durationMs: number;
  readonly connections?: number;
  readonly timeoutMs?: number;
}

/** Something a scenario does while the fault load runs (kill the mirror at 3 s, ...). */
export interface TimedAction {
  readonly atMs: number;
  readonly run: () => Promise<void>;
}

export interface FaultRunOptions {
  /** Unmeasured: opens the connections and warms the JIT, so the calm p99 is not the first second's. */
  readonly warmup?: Phase;
  readonly calm?: Phase;
  readonly fault: Phase;
  /** Applied between the calm and the fault phase (switch the mirror's behaviour). */
  readonly inject?: () => Promise<void>;
  readonly during?: readonly TimedAction[];
  /** How long after the load in-flight copies may take to end: the mirror timeout plus a named grace. */
  readonly drainLimitMs: number;
}

export interface FaultRun {
  readonly calm: LoadSummary | undefined;
  readonly fault: LoadSummary;
  readonly calmRecords: readonly LoadRecord[];
  readonly faultRecords: readonly LoadRecord[];
  /** Whole run (calm and fault), read as soon as the load ended: in-flight copies count as such. */
  readonly atEnd: MirrorAccounting;
  /** Fault phase only, read after the drain (or when the drain limit passed). */
  readonly phase: MirrorAccounting;
  readonly total: MirrorAccounting;
  readonly inflightDrainMs: number | undefined;
  readonly maxLagMs: number;
}

/** How long the last live requests' events may take to be counted after their answers reached the client. */
const LIVE_COUNT_SETTLE_MS = 2_000;
const POLL_MS = 50;

export async function readAccounting(target: FaultRunTarget): Promise<MirrorAccounting> {
  return accountMirror(parsePrometheusText(await target.metrics()), target.route, target.mirrorCluster);
}

const phaseCount = (phase: Phase): number => Math.round((phase.rate * phase.durationMs) / 1_000);

async function loadPhase(target: FaultRunTarget, phase: Phase): Promise<LoadResult> {
  return target.load({
    url: target.url,
    rate: phase.rate,
    count: phaseCount(phase),
    connections: phase.connections,
    timeoutMs: phase.timeoutMs,
  });
}

/** Reads until `done` holds, at most `limitMs`; resolves the last reading and the time it took (undefined if never). */
async function pollAccounting(
  target: FaultRunTarget,
  done: (a: MirrorAccounting) => boolean,
  limitMs: number,
): Promise<{ reading: MirrorAccounting; ms: number | undefined }> {
  const started = performance.now();
  let reading = await readAccounting(target);
  while (!done(reading)) {
    if (performance.now() - started > limitMs) return { reading, ms: undefined };
    await sleep(POLL_MS);
    reading = await readAccounting(target);
  }
  return { reading, ms: performance.now() - started };
}

/**
 * A calm phase (optional), the fault injected, the fault phase with its timed actions, then the
 * sidecar's accounting: once at the end of the load (every live request counted, copies possibly
 * still in flight) and once in-flight copies ended.
 */
export async function runFaultScenario(target: FaultRunTarget, options: FaultRunOptions): Promise<FaultRun> {
  let calm: LoadResult | undefined;
  if (options.warmup !== undefined) await loadPhase(target, options.warmup);
  if (options.calm !== undefined) {
    calm = await loadPhase(target, options.calm);
    await pollAccounting(target, (a) => a.inflight === 0, options.drainLimitMs);
  }
  const before = await readAccounting(target);
  await options.inject?.();
  const actions = (options.during ?? []).map((action) => sleep(action.atMs).then(action.run));
  const fault = await loadPhase(target, options.fault);
  const loadEndedAt = performance.now();
  await Promise.all(actions);
  const expectedLive = before.live + fault.sent;
  const settled = await pollAccounting(target, (a) => a.live >= expectedLive, LIVE_COUNT_SETTLE_MS);
  const drainStartedAt = performance.now();
  const drained = await pollAccounting(target, (a) => a.inflight === 0, options.drainLimitMs - (drainStartedAt - loadEndedAt));
  return {
    calm: calm === undefined ? undefined : summarizeLoad(calm.records),
    fault: summarizeLoad(fault.records),
    calmRecords: calm?.records ?? [],
    faultRecords: fault.records,
    atEnd: settled.reading,
    phase: accountingBetween(before, drained.reading),
    total: drained.reading,
    inflightDrainMs: drained.ms === undefined ? undefined : drained.ms + (drainStartedAt - loadEndedAt),
    maxLagMs: Math.max(calm?.maxLagMs ?? 0, fault.maxLagMs),
  };
}
