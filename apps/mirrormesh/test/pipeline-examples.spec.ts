import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type CanarySpec } from '../src/canary/canary-spec';
import { parseCanaryCommandLine } from '../src/commands/canary.command';

const EXAMPLES = join(__dirname, '..', 'examples', 'pipeline');
const ANALYSIS_FILE = join(EXAMPLES, 'analysis.yaml');

const read = (file: string) => parse(readFileSync(join(EXAMPLES, file), 'utf8')) as unknown;

/** The words after `mirrormesh canary` (or `main.js canary`) of a command. */
function canaryArgs(words: readonly string[]): string[] {
  const at = words.indexOf('canary');
  expect(at).toBeGreaterThan(0);
  return words.slice(at + 1);
}

/** The gate every example runs: the same analysis, on shadow traffic, diff rate included. */
const SHADOW_GATE: Partial<CanarySpec> = {
  primary: 'bookservice',
  canary: 'bookservicemirror',
  shadow: true,
  intervalMs: 30_000,
  threshold: 3,
  stepWeight: 20,
  maxWeight: 100,
  maxP99Ms: 500,
  maxDiffRate: 0.01,
};

describe('the delivery-pipeline examples run commands the CLI accepts', () => {
  it('analysis.yaml is a valid analysis file', () => {
    expect(parseCanaryCommandLine(['-f', ANALYSIS_FILE])).toMatchObject({ ...SHADOW_GATE, route: 'books', minSuccessRate: 99 });
  });

  it('the Argo Rollouts AnalysisTemplate: a command of strings, accepted with its argument substituted', () => {
    const template = read('argo-rollouts-analysis-template.yaml') as {
      spec: { metrics: { provider: { job: { spec: { template: { spec: { containers: { command: unknown[] }[] } } } } } }[] };
    };
    const command = template.spec.metrics[0]?.provider.job.spec.template.spec.containers[0]?.command ?? [];
    expect(command.filter((word) => typeof word !== 'string')).toEqual([]);
    const args = canaryArgs(command as string[]).map((word) => word.replace('{{args.candidate-cluster}}', 'bookservicemirror'));
    expect(parseCanaryCommandLine(args)).toMatchObject({ ...SHADOW_GATE, admin: 'http://bookinfo-sidecar-admin.default:15000' });
  });

  it('the Flagger webhook: its bash command, with the mounted analysis file', () => {
    const canary = read('flagger-canary.yaml') as { spec: { analysis: { webhooks: { type: string; metadata: { cmd: string } }[] } } };
    const webhook = canary.spec.analysis.webhooks[0];
    expect(webhook?.type).toBe('pre-rollout');
    const words = (webhook?.metadata.cmd ?? '').split(/\s+/).map((word) => (word === '/config/analysis.yaml' ? ANALYSIS_FILE : word));
    expect(words[0]).toBe('mirrormesh');
    expect(parseCanaryCommandLine(canaryArgs(words))).toMatchObject({ ...SHADOW_GATE, admin: 'http://bookinfo-sidecar-admin.test:15000' });
  });

  it('the GitHub Actions job: its run line, with the repository variable given', () => {
    const workflow = read('github-actions-shadow-gate.yml') as { jobs: Record<string, { needs?: string; steps: { run?: string }[] }> };
    const run = workflow.jobs['shadow-gate']?.steps.find((step) => step.run?.includes('canary'))?.run ?? '';
    const words = run
      .replace('"${{ vars.SIDECAR_ADMIN_URL }}"', 'http://127.0.0.1:15000')
      .replace(/\s*>\s*gate\.json$/, '')
      .split(/\s+/)
      .map((word) => (word === 'apps/mirrormesh/examples/pipeline/analysis.yaml' ? ANALYSIS_FILE : word));
    expect(parseCanaryCommandLine(canaryArgs(words))).toMatchObject({ ...SHADOW_GATE, admin: 'http://127.0.0.1:15000', json: true });
    expect(workflow.jobs.release?.needs).toBe('shadow-gate');
  });
});
