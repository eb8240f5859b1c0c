import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { freePort } from '../src/mesh/free-port';
import { REPO_ROOT, run, stopMeshLeftFrom, until } from './support/cli-process';

const ROOT_SCRIPTS = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

// Regression: `npm start` ran "turbo … && node … up" through sh, so a supervisor's SIGINT or
// SIGTERM to npm's pid stopped nothing (SIGINT) or left the whole mesh orphaned (SIGTERM).
describe('a supervisor signalling the pid it sees', () => {
  it.each(['start', 'lab', 'mirrormesh', 'poll', 'report'])('npm run %s execs node, so npm passes signals to the CLI itself', (name) => {
    expect(ROOT_SCRIPTS[name]).toMatch(/^exec node apps\/mirrormesh\/dist\/main\.js\b/);
  });

  describe.each(['SIGTERM', 'SIGINT'] as const)('%s to npm’s pid', (signal) => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-npm-'))));
    afterAll(async () => {
      await stopMeshLeftFrom(dir);
      rmSync(dir, { recursive: true, force: true });
    });

    it('drains every app and exits 0, saying what stopped', async () => {
      const port = await freePort('127.0.0.1');
      const npm = run(
        ['run', '--silent', 'mirrormesh', '--', 'up', '--scenario', 'v1-live', '--port', String(port)],
        { MIRRORMESH_STATE_DIR: dir },
        'npm',
        REPO_ROOT,
      );
      await until(() => npm.output().includes('ready: open'), 60_000, npm.output);
      const state = JSON.parse(readFileSync(join(dir, 'mesh.json'), 'utf8')) as { collectorUrl: string; frontEndUrl: string };

      npm.child.kill(signal);
      expect(await npm.exit).toEqual({ code: 0, signal: null });
      expect(npm.output()).toContain(
        `mirrormesh: stopped on ${signal}: bookinfo-spa, bookservice, collector drained and exited 0; exit code 0`,
      );
      expect(existsSync(join(dir, 'mesh.json'))).toBe(false);
      await expect(request(state.frontEndUrl)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await expect(request(`${state.collectorUrl}/health/live`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }, 90_000);
  });
});

describe('a signal while the mesh is starting', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-early-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops what started, without waiting for the rest, and exits 130', async () => {
    const up = run(['up', '--scenario', 'v1-live', '--port', String(await freePort('127.0.0.1'))], { MIRRORMESH_STATE_DIR: dir });
    await until(() => up.output().includes('collector '), 60_000, up.output);
    const [, collectorUrl] = /collector\s+(http:\S+)/.exec(up.output()) ?? [];
    up.child.kill('SIGTERM');
    expect(await up.exit).toEqual({ code: 130, signal: null });
    expect(up.output()).toContain('mirrormesh: interrupted while starting');
    await expect(request(`${collectorUrl}/health/live`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 90_000);
});
