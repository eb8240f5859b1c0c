import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import { MAIN } from './support/cli-process';
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

async function routeWeights(adminUrl: string): Promise<Record<string, number>> {
  const config = (await (await request(`${adminUrl}/config`)).body.json()) as {
    routes: { route: { destination: { cluster: string }; weight?: number }[] }[];
  };
  return Object.fromEntries((config.routes[0]?.route ?? []).map((d) => [d.destination.cluster, d.weight ?? 100]));
}

describe('mirrormesh canary --shadow, Ctrl-C and mirrormesh diff against a real sidecar', () => {
  let stack: CanaryStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it('fails the shadow gate on the fault variant (exit 1) while users see no error and weights never move', async () => {
    stack = await startCanaryStack('fault', { shadow: true });
    const load = `--url ${stack.frontUrl} --rate 60 --books 2,4`;
    const run = await runCli(
      ['canary', ...ANALYSIS, '--shadow', '--threshold', '2', '--admin', stack.adminUrl, '--load', load, '--json'],
      join(stack.dir, 'state'),
    );
    const report = JSON.parse(run.stdout) as { phase: string; mode: string; load: { errors: number; requests: number } };
    expect(report).toMatchObject({ mode: 'shadow', phase: 'rolled-back' });
    expect(run.code).toBe(1);
    expect(report.load.requests).toBeGreaterThan(0);
    expect(report.load.errors).toBe(0);
    expect(await routeWeights(stack.adminUrl)).toEqual({ bookservice: 100 });
    expect(run.stderr).toContain('gate failed: failed checks threshold reached');
  }, 120_000);

  it('passes the shadow gate for a healthy candidate after max-weight/step-weight healthy checks (exit 0)', async () => {
    stack = await startCanaryStack('live', { shadow: true });
    const load = `--url ${stack.frontUrl} --rate 60`;
    const run = await runCli(
      ['canary', ...ANALYSIS, '--shadow', '--threshold', '3', '--max-p99', '1000ms', '--admin', stack.adminUrl, '--load', load],
      join(stack.dir, 'state'),
    );
    expect(run.stdout).toContain('shadow analysis on route "books": PASSED');
    expect(run.code).toBe(0);
    expect(await routeWeights(stack.adminUrl)).toEqual({ bookservice: 100 });
  }, 120_000);

  it('rolls back to 100 % primary on Ctrl-C and says so (exit 130)', async () => {
    stack = await startCanaryStack('live');
    const child = spawn(process.execPath, [MAIN, 'canary', ...ANALYSIS, '--interval', '60s', '--admin', stack.adminUrl], {
      env: { ...process.env, MIRRORMESH_STATE_DIR: join(stack.dir, 'state') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!output.includes('canary analysis started')) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await routeWeights(stack.adminUrl)).toEqual({ bookservice: 75, bookservicecanary: 25 });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('rolled back to 100% primary: interrupted (SIGINT)');
    expect(await routeWeights(stack.adminUrl)).toEqual({ bookservice: 100, bookservicecanary: 0 });
  }, 120_000);

  it('mirrormesh diff says clearly when the sidecar does not compare', async () => {
    stack = await startCanaryStack('live', { shadow: true });
    const run = await runCli(['diff', '--admin', stack.adminUrl], join(stack.dir, 'state'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /compare is not enabled on any route of http:\/\/127\.0\.0\.1:\d+: set routes\[\]\.mirror\.compare\.enabled/,
    );
  }, 120_000);
});
