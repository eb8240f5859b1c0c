import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { freePort } from '../src/mesh/free-port';
import { poll } from '../src/poll/poller';
import { run, stopMeshLeftFrom, until } from './support/cli-process';

describe('mirrormesh up, then rollout from another process under load', () => {
  let dir: string;
  afterAll(async () => {
    await stopMeshLeftFrom(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('swaps only the mirror with no client error, and Ctrl-C stops every process', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirrormesh-up-'));
    const env = { MIRRORMESH_STATE_DIR: dir };
    const port = await freePort('127.0.0.1');
    const up = run(['up', '--scenario', 'v2-mirroring', '--port', String(port)], env);
    await until(() => up.output().includes('ready: open'), 60_000, up.output);
    const state = JSON.parse(readFileSync(join(dir, 'mesh.json'), 'utf8')) as { frontEndUrl: string; collectorUrl: string };
    expect(state.frontEndUrl).toBe(`http://127.0.0.1:${port}`);

    // A second `up` from the same directory refuses instead of fighting over ports.
    const second = run(['up', '--port', String(port)], env);
    expect((await second.exit).code).toBe(1);
    expect(second.output()).toContain('a mesh is already running');

    const load = poll({ url: state.frontEndUrl, pathPrefix: '/api', books: [1, 2, 3, 4, 5], rate: 25, stop: { durationMs: 8000 } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rollout = run(['rollout', 'v4-fault'], env);
    expect((await rollout.exit).code).toBe(0);
    expect(rollout.output()).toMatch(/rolled out v4-fault: bookservicemirror http:\/\/127\.0\.0\.1:\d+/);
    const client = await load;
    expect(client.errors).toBe(0);
    expect(client.requests).toBe(200);

    // Live kept answering as V1 throughout; the new mirror is the fault version.
    const after = await request(`${state.frontEndUrl}/api/books/2/reviews`);
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-version-tag']).toBe('V1MIR-LiveBookService');
    await after.body.dump();

    up.child.kill('SIGINT');
    expect((await up.exit).code).toBe(0);
    expect(up.output()).toContain('mirrormesh: stopped');
    // Nothing is left listening: every app of the mesh was stopped.
    await expect(request(state.frontEndUrl)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(request(`${state.collectorUrl}/health/live`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 150_000);
});
