import { join } from 'node:path';
import { runCli, startCanaryStack, type CanaryStack } from './support/canary-stack';

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

interface Report {
  mode: string;
  phase: string;
  intervals: { failures: string[]; diff?: { rate?: number; path?: string } }[];
  load: { requests: number; errors: number };
}

describe('mirrormesh canary --shadow --max-diff-rate and mirrormesh diff against a comparing sidecar', () => {
  let stack: CanaryStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  // The fault variant answers the reviews of books 2 and 4 with a problem document: a body that differs
  // from live's. With --min-success-rate 0 only the diff rate can fail the gate.
  it('fails the gate on the diff rate (exit 1) while users see nothing', async () => {
    stack = await startCanaryStack('fault', { shadow: true, compare: true });
    const load = `--url ${stack.frontUrl} --rate 60`;
    const args = [
      'canary',
      ...ANALYSIS,
      '--shadow',
      '--threshold',
      '2',
      '--min-success-rate',
      '0',
      '--max-p99',
      '1000ms',
      '--max-diff-rate',
      '1%',
    ];
    const run = await runCli([...args, '--admin', stack.adminUrl, '--load', load, '--json'], join(stack.dir, 'state'));
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({ mode: 'shadow', phase: 'rolled-back' });
    expect(run.code).toBe(1);
    expect(report.intervals.flatMap((i) => i.failures).every((f) => f.startsWith('diff rate'))).toBe(true);
    expect(report.intervals.filter((i) => i.failures.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(report.load.requests).toBeGreaterThan(0);
    expect(report.load.errors).toBe(0);

    const diff = await runCli(['diff', '--admin', stack.adminUrl], join(stack.dir, 'state'));
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^route books → mirror bookservicecanary: \d+ compared/m);
    expect(diff.stdout).toMatch(/^ {2}\S+ +(added|removed|type-changed|value-changed) +\d+\.\d % +regression/m);
    const json = await runCli(['diff', '--admin', stack.adminUrl, '--route', 'books', '--json'], join(stack.dir, 'state'));
    const paths = (JSON.parse(json.stdout) as { routes: { paths: { path: string; noise: boolean }[] }[] }).routes[0]?.paths ?? [];
    expect(paths).toContainEqual(expect.objectContaining({ path: '$.reviews', noise: false }));
    expect(diff.stdout).not.toContain('$.servedAt');
  }, 120_000);

  it('fails the gate on the schema-change variant’s diff rate (exit 1) while users see nothing; servedAt is noise', async () => {
    stack = await startCanaryStack('schema-change', { shadow: true, compare: true, noise: true });
    const load = `--url ${stack.frontUrl} --rate 60`;
    const args = ['canary', ...ANALYSIS, '--shadow', '--threshold', '2', '--max-p99', '1000ms', '--max-diff-rate', '1%'];
    const run = await runCli([...args, '--admin', stack.adminUrl, '--load', load, '--json'], join(stack.dir, 'state'));
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({ mode: 'shadow', phase: 'rolled-back' });
    expect(run.code).toBe(1);
    const failures = report.intervals.flatMap((i) => i.failures);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((f) => f.startsWith('diff rate'))).toBe(true);
    expect(failures.some((f) => f.includes('servedAt'))).toBe(false);
    expect(report.load.errors).toBe(0);
  }, 120_000);

  it('passes the gate for a candidate that answers as live does: what differs between two live instances is noise', async () => {
    stack = await startCanaryStack('live', { shadow: true, compare: true, noise: true });
    const load = `--url ${stack.frontUrl} --rate 60`;
    const args = ['canary', ...ANALYSIS, '--shadow', '--threshold', '3', '--max-p99', '1000ms', '--max-diff-rate', '1%'];
    const run = await runCli([...args, '--admin', stack.adminUrl, '--load', load], join(stack.dir, 'state'));
    expect(run.stdout).toContain('shadow analysis on route "books": PASSED');
    expect(run.code).toBe(0);
  }, 120_000);
});
