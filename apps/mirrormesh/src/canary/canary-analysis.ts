/**
 * Flagger's analysis loop as a pure state machine: once per interval a check result comes
 * in and the state moves on. A failed check (Flagger's `failedChecks`, counted over the
 * whole run, not only in a row) holds the weight; `threshold` of them roll back. A passed
 * check shifts `stepWeight` more traffic to the canary, and one passed at `maxWeight`
 * promotes. In shadow mode the canary never serves a user: the weight stays 0 and the run
 * passes after as many healthy checks as the weighted run would need.
 */
export type AnalysisPhase = 'progressing' | 'promoted' | 'rolled-back';

export interface AnalysisPlan {
  /** Percent of traffic added per healthy interval (1-100). */
  readonly stepWeight: number;
  /** The canary's share at which a healthy check promotes (1-100). */
  readonly maxWeight: number;
  /** Failed checks that roll back (at least 1). */
  readonly threshold: number;
  readonly shadow: boolean;
}

/** One interval's verdict on the canary; `failures` says why it failed, in words. */
export interface CheckResult {
  readonly passed: boolean;
  readonly failures: readonly string[];
}

export interface AnalysisState {
  readonly phase: AnalysisPhase;
  /** The canary's share of live traffic now (always 0 in shadow mode, 100 once promoted). */
  readonly canaryWeight: number;
  readonly failedChecks: number;
  readonly healthyChecks: number;
  /** Checks taken so far. */
  readonly iteration: number;
}

export type AnalysisEvent =
  | { readonly kind: 'started'; readonly canaryWeight: number; readonly healthyChecksNeeded: number }
  | { readonly kind: 'advanced'; readonly iteration: number; readonly from: number; readonly to: number }
  | { readonly kind: 'healthy'; readonly iteration: number; readonly healthyChecks: number; readonly healthyChecksNeeded: number }
  | { readonly kind: 'halted'; readonly iteration: number; readonly failedChecks: number; readonly failures: readonly string[] }
  | { readonly kind: 'promoted'; readonly iteration: number }
  | { readonly kind: 'rolled-back'; readonly iteration: number; readonly reason: string };

export interface AnalysisStep {
  readonly state: AnalysisState;
  readonly events: readonly AnalysisEvent[];
}

/** How many healthy checks promote: the weighted run's steps from stepWeight to maxWeight. */
export function healthyChecksNeeded(plan: AnalysisPlan): number {
  return Math.ceil(plan.maxWeight / plan.stepWeight);
}

export function startAnalysis(plan: AnalysisPlan): AnalysisStep {
  const canaryWeight = plan.shadow ? 0 : Math.min(plan.stepWeight, plan.maxWeight);
  return {
    state: { phase: 'progressing', canaryWeight, failedChecks: 0, healthyChecks: 0, iteration: 0 },
    events: [{ kind: 'started', canaryWeight, healthyChecksNeeded: healthyChecksNeeded(plan) }],
  };
}

/** The next state after one interval's check; a finished analysis stays as it is. */
export function advanceAnalysis(plan: AnalysisPlan, state: AnalysisState, check: CheckResult): AnalysisStep {
  if (state.phase !== 'progressing') return { state, events: [] };
  const iteration = state.iteration + 1;
  if (!check.passed) {
    const failedChecks = state.failedChecks + 1;
    const halted: AnalysisEvent = { kind: 'halted', iteration, failedChecks, failures: check.failures };
    if (failedChecks < plan.threshold) return { state: { ...state, iteration, failedChecks }, events: [halted] };
    return {
      state: { ...state, phase: 'rolled-back', iteration, failedChecks, canaryWeight: 0 },
      events: [halted, { kind: 'rolled-back', iteration, reason: `failed checks threshold reached (${failedChecks}/${plan.threshold})` }],
    };
  }
  const healthyChecks = state.healthyChecks + 1;
  const promoted = plan.shadow ? healthyChecks >= healthyChecksNeeded(plan) : state.canaryWeight >= plan.maxWeight;
  if (promoted) {
    return {
      state: { ...state, phase: 'promoted', iteration, healthyChecks, canaryWeight: plan.shadow ? 0 : 100 },
      events: [{ kind: 'promoted', iteration }],
    };
  }
  if (plan.shadow) {
    return {
      state: { ...state, iteration, healthyChecks },
      events: [{ kind: 'healthy', iteration, healthyChecks, healthyChecksNeeded: healthyChecksNeeded(plan) }],
    };
  }
  const to = Math.min(state.canaryWeight + plan.stepWeight, plan.maxWeight);
  return {
    state: { ...state, iteration, healthyChecks, canaryWeight: to },
    events: [{ kind: 'advanced', iteration, from: state.canaryWeight, to }],
  };
}

/** Ctrl-C (or a failure of the loop itself): back to 100 % primary, whatever the checks said. */
export function abortAnalysis(state: AnalysisState, reason: string): AnalysisStep {
  if (state.phase !== 'progressing') return { state, events: [] };
  return {
    state: { ...state, phase: 'rolled-back', canaryWeight: 0 },
    events: [{ kind: 'rolled-back', iteration: state.iteration, reason }],
  };
}
