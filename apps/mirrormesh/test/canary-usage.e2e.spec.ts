import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './support/cli-process';

describe('mirrormesh canary refuses a wrong analysis before touching anything', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mirrormesh-canary-usage-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const canary = async (args: string[]) => {
    const cli = run(['canary', ...args], { MIRRORMESH_STATE_DIR: dir });
    return { code: (await cli.exit).code, output: cli.output() };
  };

  it('names the flag and the rule (exit 2)', async () => {
    const { code, output } = await canary(['--primary', 'a', '--canary', 'b', '--step-weight', '0', '--admin', 'http://127.0.0.1:1']);
    expect(output).toContain('mirrormesh canary: --step-weight must be an integer between 1 and 100 (got "0")');
    expect(code).toBe(2);
  }, 20_000);

  it('names the file and the key for the YAML form: unknown keys and bad values', async () => {
    writeFileSync(join(dir, 'typo.yaml'), 'primary: bookservice\ncanary: canary\nmaxP99s: 500ms\n');
    writeFileSync(join(dir, 'bad.yaml'), 'primary: bookservice\ncanary: canary\nmaxP99: fast\n');
    const typo = await canary(['-f', join(dir, 'typo.yaml')]);
    expect(typo.output).toContain('"maxP99s" is not a known key');
    expect(typo.code).toBe(2);
    const bad = await canary(['-f', join(dir, 'bad.yaml'), '--admin', 'http://127.0.0.1:1']);
    expect(bad.output).toContain(`${join(dir, 'bad.yaml')}: maxP99 must be a duration such as "500ms"`);
    expect(bad.code).toBe(2);
  }, 20_000);

  it('says to give --admin when no running mesh publishes one', async () => {
    const { code, output } = await canary(['--primary', 'a', '--canary', 'b']);
    expect(output).toContain('mirrormesh canary: give --admin');
    expect(code).toBe(2);
  }, 20_000);

  it('says which admin API it cannot reach (exit 1)', async () => {
    const { code, output } = await canary(['--primary', 'a', '--canary', 'b', '--admin', 'http://127.0.0.1:1']);
    expect(output).toMatch(/cannot reach the admin API at http:\/\/127\.0\.0\.1:1 \(GET \/config\): ECONNREFUSED/);
    expect(code).toBe(1);
  }, 20_000);
});
