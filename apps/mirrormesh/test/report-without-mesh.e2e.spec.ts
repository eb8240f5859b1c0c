import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { run } from './support/cli-process';

async function report(args: string[], stateDir: string): Promise<{ code: number | null; output: string }> {
  const cli = run(['report', ...args], { MIRRORMESH_STATE_DIR: stateDir, COLLECTOR_URL: '' });
  const { code } = await cli.exit;
  return { code, output: cli.output() };
}

// Regression: with no mesh running, `npm run report` named port 4480, which the user never saw,
// and `--since abc` printed the collector's raw problem JSON.
describe('mirrormesh report', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-report-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says that no mesh is running and how to start one, as rollout does', async () => {
    const { code, output } = await report([], dir);
    expect(output).toBe(`mirrormesh report: no mesh is running from ${dir}: start one with "npm start"\n`);
    expect(code).toBe(1);
  });

  it.each([
    [['--since', 'abc'], 'mirrormesh report: --since must be a duration like 15m, 2h, 7d or an ISO 8601 date-time (got "abc")'],
    [['--since', '400d'], 'mirrormesh report: --since must be at most 366 days (got "400d")'],
    [['--contains', 'x'.repeat(201)], 'mirrormesh report: --contains must be at most 200 characters'],
    [['--url', 'ftp://127.0.0.1'], 'mirrormesh report: --url must be an http(s) URL'],
    [['--colour'], 'mirrormesh report: unknown argument "--colour"'],
  ])('refuses %s … with exit code 2, naming the option and the rule', async (args, message) => {
    const { code, output } = await report(args, dir);
    expect(output).toBe(`${message}\n`);
    expect(code).toBe(2);
  });
});
