import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/mesh/free-port';
import { run, stopMeshLeftFrom, until } from './support/cli-process';

// Regression: .mirrormesh/mesh.json kept the first scenario after `rollout`.
describe('mesh.json after a rollout', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-state-'))));
  afterAll(async () => {
    await stopMeshLeftFrom(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the scenario and mirror version serving now', async () => {
    const env = { MIRRORMESH_STATE_DIR: dir };
    const up = run(['up', '--scenario', 'v2-mirroring', '--port', String(await freePort('127.0.0.1'))], env);
    await until(() => up.output().includes('ready: open'), 60_000, up.output);
    const read = () => JSON.parse(readFileSync(join(dir, 'mesh.json'), 'utf8')) as Record<string, unknown>;
    expect(read()).toMatchObject({ scenario: 'v2-mirroring', mirrorVersionTag: 'V2MIR-BookService' });

    const rollout = run(['rollout', 'v4-fault'], env);
    expect((await rollout.exit).code).toBe(0);
    const [, mirrorUrl] = /bookservicemirror (http:\S+)/.exec(rollout.output()) ?? [];
    expect(read()).toMatchObject({ scenario: 'v4-fault', mirrorVersionTag: 'V4MIR-BookServiceFault', mirrorUrl });

    up.child.kill('SIGINT');
    expect((await up.exit).code).toBe(0);
  }, 120_000);
});
