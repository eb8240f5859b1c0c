import {
  abortAnalysis,
  advanceAnalysis,
  healthyChecksNeeded,
  startAnalysis,
  type AnalysisPlan,
  type AnalysisState,
  type CheckResult,
} from './canary-analysis';

const PASS: CheckResult = { passed: true, failures: [] };
const FAIL: CheckResult = { passed: false, failures: ['success rate 90.0 % < 99 %'] };
const WEIGHTED: AnalysisPlan = { stepWeight: 10, maxWeight: 50, threshold: 2, shadow: false };

/** Runs checks ('P' pass, 'F' fail) and returns the weights after each, and the final state. */
function run(plan: AnalysisPlan, checks: string): { weights: number[]; state: AnalysisState; kinds: string[] } {
  let { state } = startAnalysis(plan);
  const weights: number[] = [];
  const kinds: string[] = [];
  for (const c of checks) {
    const step = advanceAnalysis(plan, state, c === 'P' ? PASS : FAIL);
    state = step.state;
    weights.push(state.canaryWeight);
    kinds.push(...step.events.map((e) => e.kind));
  }
  return { weights, state, kinds };
}

describe('canary analysis state machine', () => {
  it.each([
    ['all healthy: 10 → 50, promoted on the check at 50', WEIGHTED, 'PPPPP', [20, 30, 40, 50, 100], 'promoted'],
    ['one failure holds the weight, then carries on', WEIGHTED, 'PFPPPP', [20, 20, 30, 40, 50, 100], 'promoted'],
    ['failures need not be in a row to reach the threshold', WEIGHTED, 'PFPF', [20, 20, 30, 0], 'rolled-back'],
    ['threshold 1 rolls back at the first failure', { ...WEIGHTED, threshold: 1 }, 'F', [0], 'rolled-back'],
    ['a step that does not divide the max stops at the max', { ...WEIGHTED, stepWeight: 20 }, 'PPP', [40, 50, 100], 'promoted'],
    ['still progressing between', WEIGHTED, 'PP', [20, 30], 'progressing'],
    [
      'shadow: weight stays 0, passes after max/step healthy checks',
      { ...WEIGHTED, shadow: true },
      'PPFPPP',
      [0, 0, 0, 0, 0, 0],
      'promoted',
    ],
    ['shadow: fails after threshold failed checks', { ...WEIGHTED, shadow: true }, 'PFF', [0, 0, 0], 'rolled-back'],
  ])('%s', (_name, plan, checks, weights, phase) => {
    const result = run(plan, checks);
    expect(result.weights).toEqual(weights);
    expect(result.state.phase).toBe(phase);
  });

  it('starts at one step (0 in shadow mode) and says how many healthy checks promote', () => {
    expect(startAnalysis(WEIGHTED)).toEqual({
      state: { phase: 'progressing', canaryWeight: 10, failedChecks: 0, healthyChecks: 0, iteration: 0 },
      events: [{ kind: 'started', canaryWeight: 10, healthyChecksNeeded: 5 }],
    });
    expect(startAnalysis({ ...WEIGHTED, shadow: true }).state.canaryWeight).toBe(0);
    expect(healthyChecksNeeded({ ...WEIGHTED, stepWeight: 20 })).toBe(3);
  });

  it('makes every transition an event, with the failures that halted it', () => {
    expect(run(WEIGHTED, 'PFF').kinds).toEqual(['advanced', 'halted', 'halted', 'rolled-back']);
    const { state } = startAnalysis(WEIGHTED);
    expect(advanceAnalysis(WEIGHTED, state, FAIL).events).toEqual([
      { kind: 'halted', iteration: 1, failedChecks: 1, failures: ['success rate 90.0 % < 99 %'] },
    ]);
  });

  it('does not move once finished', () => {
    const { state } = run(WEIGHTED, 'PPPPP');
    expect(advanceAnalysis(WEIGHTED, state, FAIL)).toEqual({ state, events: [] });
    expect(abortAnalysis(state, 'interrupted').events).toEqual([]);
  });

  it('rolls back on abort, with the reason', () => {
    const { state } = run(WEIGHTED, 'PP');
    expect(abortAnalysis(state, 'interrupted (SIGINT)')).toEqual({
      state: { ...state, phase: 'rolled-back', canaryWeight: 0 },
      events: [{ kind: 'rolled-back', iteration: 2, reason: 'interrupted (SIGINT)' }],
    });
  });
});
