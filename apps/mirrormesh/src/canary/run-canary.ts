import { UsageError, AdminApiError } from '../errors';
import { parseDiffReport, type DiffRouteReport } from '../diff/diff-report';
import { intervalDiffRate, type IntervalDiffRate } from '../diff/interval-diff-rate';
import { type AdminApi } from './admin-client';
import {
  abortAnalysis,
  advanceAnalysis,
  startAnalysis,
  type AnalysisEvent,
  type AnalysisPlan,
  type AnalysisState,
} from './canary-analysis';
import { shadowCheck, weightedCheck, type CheckThresholds } from './canary-checks';
import { type CanarySpec } from './canary-spec';
import { clusterRead, type ClusterRead } from './cluster-read';
import { intervalMetrics, type IntervalMetrics } from './interval-metrics';
import { findRouteTarget } from './route-target';

/** One interval as the report shows it. */
export interface IntervalRow {
  readonly iteration: number;
  /** The canary's share during the interval. */
  readonly canaryWeight: number;
  /** The canary's live traffic (weighted) or the mirror's (shadow). */
  readonly canary: IntervalMetrics;
  /** Live traffic of the primary: shadow mode's comparison. */
  readonly primary: IntervalMetrics | undefined;
  readonly diff: IntervalDiffRate | undefined;
  readonly passed: boolean;
  readonly failures: readonly string[];
}

export interface CanaryOutcome {
  readonly mode: 'weighted' | 'shadow';
  readonly route: string;
  readonly phase: 'promoted' | 'rolled-back';
  readonly interrupted: boolean;
  readonly intervals: readonly IntervalRow[];
  readonly events: readonly AnalysisEvent[];
  /** The route's weights when the run ended (unchanged in shadow mode). */
  readonly finalWeights: Readonly<Record<string, number>>;
}

export interface CanaryDeps {
  readonly admin: AdminApi;
  /** Resolves after ms, or early when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly signal: AbortSignal;
  readonly onEvent: (event: AnalysisEvent, state: AnalysisState) => void;
  readonly onInterval: (row: IntervalRow, state: AnalysisState) => void;
}

interface Read {
  readonly canary: ClusterRead;
  readonly primary: ClusterRead;
  readonly diff: DiffRouteReport | undefined;
}

/** Runs the analysis against the sidecar's admin API until it promotes, rolls back or is interrupted. */
export async function runCanary(spec: CanarySpec, deps: CanaryDeps): Promise<CanaryOutcome> {
  const { admin } = deps;
  const target = findRouteTarget(await admin.config(), spec);
  if (typeof target === 'string') throw new UsageError(`mirrormesh canary: ${target}`);
  const { route } = target;
  const others = Object.keys(target.weights).filter((c) => c !== spec.primary && c !== spec.canary);
  if (!spec.shadow && others.length > 0)
    throw new UsageError(
      `mirrormesh canary: route "${route}" also sends traffic to ${others.join(', ')}: a canary run shifts between two clusters only`,
    );
  const plan: AnalysisPlan = { stepWeight: spec.stepWeight, maxWeight: spec.maxWeight, threshold: spec.threshold, shadow: spec.shadow };
  const thresholds: CheckThresholds = { minSuccessRate: spec.minSuccessRate, maxP99Ms: spec.maxP99Ms, maxDiffRate: spec.maxDiffRate };
  const withDiff = spec.shadow && spec.maxDiffRate !== undefined;
  const role = spec.shadow ? 'mirror' : 'live';

  const read = async (): Promise<Read> => {
    const [stats, diffBody] = await Promise.all([admin.stats(), withDiff ? admin.diff() : undefined]);
    const canary = clusterRead(stats, role, spec.canary);
    const primary = clusterRead(stats, 'live', spec.primary);
    if (canary === undefined || primary === undefined)
      throw new AdminApiError(`GET ${admin.url}/stats?histograms=1 has no latency histograms: the sidecar is older than mirrormesh canary`);
    return { canary, primary, diff: withDiff ? routeDiff(diffBody) : undefined };
  };
  const routeDiff = (body: unknown): DiffRouteReport => {
    const report = body === undefined ? undefined : parseDiffReport(body);
    if (report === undefined)
      throw new UsageError(
        `mirrormesh canary: --max-diff-rate needs the sidecar's GET /diff, and ${admin.url} has none (compare not available)`,
      );
    const entry = report.routes.find((r) => r.route === route && r.mirror === spec.canary);
    if (entry === undefined)
      throw new UsageError(
        `mirrormesh canary: compare is not enabled on route "${route}" for mirror "${spec.canary}" (routes[].mirror.compare.enabled)`,
      );
    return entry;
  };
  const weightsAt = (canaryWeight: number) => ({ [spec.primary]: 100 - canaryWeight, [spec.canary]: canaryWeight });

  const events: AnalysisEvent[] = [];
  const intervals: IntervalRow[] = [];
  const emit = (step: { state: AnalysisState; events: readonly AnalysisEvent[] }) => {
    for (const event of step.events) {
      events.push(event);
      deps.onEvent(event, step.state);
    }
  };
  let step = startAnalysis(plan);
  if (!spec.shadow) await admin.setWeights(route, weightsAt(step.state.canaryWeight));
  emit(step);
  let previous = await read();
  try {
    while (step.state.phase === 'progressing') {
      await deps.sleep(spec.intervalMs, deps.signal);
      if (deps.signal.aborted) break;
      const current = await read();
      const canary = intervalMetrics(previous.canary, current.canary);
      const primary = intervalMetrics(previous.primary, current.primary);
      const diff = current.diff === undefined ? undefined : intervalDiffRate(previous.diff, current.diff);
      const check = spec.shadow ? shadowCheck(canary, primary, diff, thresholds) : weightedCheck(canary, thresholds);
      const weightBefore = step.state.canaryWeight;
      step = advanceAnalysis(plan, step.state, check);
      const row: IntervalRow = {
        iteration: step.state.iteration,
        canaryWeight: weightBefore,
        canary,
        primary: spec.shadow ? primary : undefined,
        diff,
        ...check,
      };
      intervals.push(row);
      deps.onInterval(row, step.state);
      previous = current;
      if (!spec.shadow && step.state.canaryWeight !== weightBefore) {
        await admin.setWeights(route, weightsAt(step.state.canaryWeight));
        // The next interval counts only traffic at the new weight.
        previous = await read();
      }
      emit(step);
    }
  } catch (error) {
    // The loop itself failed (admin API gone): leave users on the primary if we can, then say why.
    if (!spec.shadow) await admin.setWeights(route, weightsAt(0)).catch(() => undefined);
    throw error;
  }
  const interrupted = step.state.phase === 'progressing';
  if (interrupted) {
    const reason = deps.signal.reason;
    step = abortAnalysis(step.state, `interrupted (${typeof reason === 'string' ? reason : 'signal'})`);
    if (!spec.shadow) await admin.setWeights(route, weightsAt(0));
    emit(step);
  } else if (!spec.shadow) {
    await admin.setWeights(route, weightsAt(step.state.canaryWeight));
  }
  return {
    mode: spec.shadow ? 'shadow' : 'weighted',
    route,
    phase: step.state.phase === 'promoted' ? 'promoted' : 'rolled-back',
    interrupted,
    intervals,
    events,
    finalWeights: spec.shadow ? target.weights : weightsAt(step.state.canaryWeight),
  };
}
