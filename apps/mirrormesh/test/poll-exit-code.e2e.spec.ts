import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/mesh/free-port';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

// Regression: with no mesh running, `npm run poll` printed "ok 0, errors 10" and exited 0.
describe('mirrormesh poll with no mesh running', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-poll-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 when its requests fail, after printing what failed', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await freePort('127.0.0.1');
    const child = spawn(process.execPath, [MAIN, 'poll', '--url', `http://127.0.0.1:${port}`, '--requests', '4', '--rate', '100'], {
      env: { ...process.env, MIRRORMESH_STATE_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toContain('ok 0, errors 4');
    expect(output).toContain('ECONNREFUSED: 4');
    expect(code).toBe(1);
  }, 20_000);
});
