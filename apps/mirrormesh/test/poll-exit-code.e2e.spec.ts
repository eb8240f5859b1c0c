import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/mesh/free-port';
import { run } from './support/cli-process';

// Regression: with no mesh running, `npm run poll` printed "ok 0, errors 10" and exited 0.
describe('mirrormesh poll with no mesh running', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-poll-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 when its requests fail, after printing what failed', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await freePort('127.0.0.1');
    const poll = run(['poll', '--url', `http://127.0.0.1:${port}`, '--requests', '4', '--rate', '100'], { MIRRORMESH_STATE_DIR: dir });
    const { code } = await poll.exit;
    const output = poll.output();
    expect(output).toContain('ok 0, errors 4');
    expect(output).toContain('ECONNREFUSED: 4');
    expect(code).toBe(1);
  }, 20_000);
});
