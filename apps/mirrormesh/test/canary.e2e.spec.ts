import { join } from 'node:path';
import { request } from 'undici';
import { runCli, startCanaryStack, type CanaryStack } from './support/canary-stack';

/** Short intervals; books 2 and 4 are the ones the fault variant's reviews fail on. */
const ANALYSIS = [
  '--primary',
  'bookservice',
  '--canary',
  'bookservicecanary',
  '--interval',
  '500ms',
  '--step-weight',
  '25',
  '--max-weight',
  '50',
];
const LOAD = '--rate 60 --books 2,4';

interface Report {
  phase: string;
  exitCode: number;
  finalWeights: Record<string, number>;
  intervals: { canaryWeight: number; passed: boolean; failures: string[] }[];
  load: { requests: number; errors: number; errorsByStatus: Record<string, number> };
}

async function liveCodes(adminUrl: string, cluster: string): Promise<Record<string, number>> {
  const stats = (await (await request(`${adminUrl}/stats`)).body.json()) as {
    live: { clusters: { cluster: string; byCode: { code: string; count: number }[] }[] };
  };
  const entry = stats.live.clusters.find((c) => c.cluster === cluster);
  return Object.fromEntries((entry?.byCode ?? []).map((c) => [c.code, c.count]));
}

async function canary(stack: CanaryStack, extra: readonly string[]) {
  const run = await runCli(
    ['canary', ...ANALYSIS, '--admin', stack.adminUrl, '--load', `--url ${stack.frontUrl} ${LOAD}`, '--json', ...extra],
    join(stack.dir, 'state'),
  );
  let report: Report | undefined;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ...run, report };
}

describe('mirrormesh canary against real book services and a real sidecar', () => {
  let stack: CanaryStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it('promotes a healthy canary step by step (exit 0) and leaves it all the traffic', async () => {
    stack = await startCanaryStack('live');
    const { code, report, stderr } = await canary(stack, ['--threshold', '3', '--max-p99', '1000ms']);
    expect(report.phase).toBe('promoted');
    expect(code).toBe(0);
    expect(report.intervals.filter((i) => i.passed).map((i) => i.canaryWeight)).toEqual([25, 50]);
    expect(report.finalWeights).toEqual({ bookservice: 0, bookservicecanary: 100 });
    expect(report.load.errors).toBe(0);
    expect(stderr).toContain('advance canary weight 25% → 50%');
  }, 120_000);

  it('rolls the fault variant back (exit 1), and the users’ errors come only from the canary’s share', async () => {
    stack = await startCanaryStack('fault');
    const { code, report, stderr } = await canary(stack, ['--threshold', '2']);
    expect(report.phase).toBe('rolled-back');
    expect(code).toBe(1);
    expect(report.finalWeights).toEqual({ bookservice: 100, bookservicecanary: 0 });
    expect(report.intervals.some((i) => i.failures.some((f) => f.startsWith('canary success rate')))).toBe(true);
    expect(stderr).toContain('rolled back to 100% primary: failed checks threshold reached');
    // Users saw the canary's 500s, and only those: the primary answered every request it got.
    const primary = await liveCodes(stack.adminUrl, 'bookservice');
    const canaryCodes = await liveCodes(stack.adminUrl, 'bookservicecanary');
    expect(Object.keys(primary)).toEqual(['200']);
    expect(report.load.errors).toBeGreaterThan(0);
    expect(report.load.errorsByStatus).toEqual({ '500': report.load.errors });
    expect(report.load.errors).toBeLessThanOrEqual(canaryCodes['500'] ?? 0);
    // At most a max-weight share of the users could meet the canary at all.
    expect(report.load.errors).toBeLessThan(report.load.requests * 0.5);
  }, 120_000);

  it('fails the delay variant on p99 and rolls it back', async () => {
    stack = await startCanaryStack('delay', { env: { REVIEWS_DELAY_MS: '700' } });
    // Smaller steps: a first interval may end before any delayed answer does, and must not be one step from promotion.
    const { code, report } = await canary(stack, ['--threshold', '2', '--max-p99', '300ms', '--step-weight', '10']);
    expect(report.phase).toBe('rolled-back');
    expect(code).toBe(1);
    expect(report.intervals.some((i) => i.failures.some((f) => /^canary p99 .* > 300 ms$/.test(f)))).toBe(true);
    expect(report.load.errors).toBe(0);
  }, 120_000);
});
