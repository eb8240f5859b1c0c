import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/mesh/free-port';
import { runCli } from './support/canary-stack';
import { run, stopMeshLeftFrom, until } from './support/cli-process';

interface Report {
  mode: string;
  phase: string;
  intervals: { failures: string[] }[];
  load: { requests: number; errors: number };
}

/**
 * What the README shows, as a newcomer runs it: `mirrormesh up --scenario v5-schema-change`,
 * then, from another terminal and without --admin, `mirrormesh canary --shadow` and
 * `mirrormesh diff` find the front end's sidecar admin API through the mesh's state.
 */
describe('mirrormesh diff and canary --shadow against a running mesh', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-diff-up-'))));
  afterAll(async () => {
    await stopMeshLeftFrom(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates the schema change on its diff rate (exit 1) with no user error, then shows the differing paths', async () => {
    const up = run(['up', '--scenario', 'v5-schema-change', '--port', String(await freePort('127.0.0.1'))], { MIRRORMESH_STATE_DIR: dir });
    await until(() => up.output().includes('ready: open'), 60_000, up.output);
    const state = JSON.parse(readFileSync(join(dir, 'mesh.json'), 'utf8')) as { adminUrl: string };
    expect(state.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(up.output()).toContain(`sidecar admin      ${state.adminUrl}`);

    const canary = await runCli(
      [
        'canary',
        '--shadow',
        '--primary',
        'bookservice',
        '--canary',
        'bookservicemirror',
        '--interval',
        '1s',
        '--threshold',
        '2',
        '--max-p99',
        '1000ms',
        '--max-diff-rate',
        '1%',
        '--load',
        '--rate 40',
        '--json',
      ],
      dir,
    );
    const report = JSON.parse(canary.stdout) as Report;
    expect(report).toMatchObject({ mode: 'shadow', phase: 'rolled-back' });
    expect(canary.code).toBe(1);
    const failures = report.intervals.flatMap((i) => i.failures);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((f) => f.startsWith('diff rate'))).toBe(true);
    expect(report.load.requests).toBeGreaterThan(0);
    expect(report.load.errors).toBe(0);

    const diff = await runCli(['diff'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^route books → mirror bookservicemirror: \d+ compared/m);
    expect(diff.stdout).toMatch(/^ {2}\$\.year +type-changed +\d+\.\d % +regression/m);

    up.child.kill('SIGINT');
    expect((await up.exit).code).toBe(0);
  }, 150_000);
});
