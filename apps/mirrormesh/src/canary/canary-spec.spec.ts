import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnalysisFile } from './analysis-file';
import { parseCanarySpec, type RawSpec } from './canary-spec';

const flag = (key: string) => `--${key}`;
const base: RawSpec = { primary: 'bookservice', canary: 'bookservicecanary' };

describe('canary analysis spec', () => {
  it('reads the issue’s example with units and percent signs', () => {
    const spec = parseCanarySpec(
      { ...base, stepWeight: '10', maxWeight: '50', interval: '10s', threshold: '5', minSuccessRate: '99', maxP99: '500ms' },
      flag,
    );
    expect(spec).toMatchObject({
      stepWeight: 10,
      maxWeight: 50,
      intervalMs: 10_000,
      threshold: 5,
      minSuccessRate: 99,
      maxP99Ms: 500,
      shadow: false,
    });
    expect(parseCanarySpec({ ...base, shadow: true, maxDiffRate: '1%' }, flag).maxDiffRate).toBeCloseTo(0.01);
  });

  it.each([
    [{ stepWeight: '0' }, '--stepWeight must be an integer between 1 and 100 (got "0")'],
    [{ interval: '10' }, '--interval must be a duration such as "500ms", "10s" or "1m", at most 3600 s (got "10")'],
    [{ minSuccessRate: '101%' }, '--minSuccessRate must be a number between 0 and 100 (optionally with "%") (got "101%")'],
    [{ stepWeight: '60' }, '--stepWeight must not exceed maxWeight (50) (got 60)'],
    [{ maxDiffRate: '1%' }, '--maxDiffRate applies to shadow mode only (add shadow) (got "1%")'],
    [{ canary: 'bookservice' }, '--canary must name another cluster than the primary (got "bookservice")'],
    [{ primary: undefined }, '--primary must be a cluster or route name (letters, digits, ".", "_", "-") (got undefined)'],
  ])('names the key and the rule: %j', (change, message) => {
    expect(() => parseCanarySpec({ ...base, ...change }, flag)).toThrow(message);
  });
});

describe('analysis file (-f analysis.yaml)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'canary-spec-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads the same fields, typed as YAML types them', () => {
    const raw = readAnalysisFile(
      file('ok.yaml', 'primary: bookservice\ncanary: canary\nstepWeight: 10\ninterval: 300ms\nshadow: true\nmaxDiffRate: 1%\n'),
    );
    expect(parseCanarySpec(raw, (k) => k)).toMatchObject({ stepWeight: 10, intervalMs: 300, shadow: true, maxDiffRate: 0.01 });
  });

  it('refuses unknown keys, naming them, and bad values, naming the key', () => {
    expect(() => readAnalysisFile(file('typo.yaml', 'primary: a\nstepWieght: 10\n'))).toThrow(/"stepWieght" is not a known key/);
    const raw = readAnalysisFile(file('bad.yaml', 'primary: a\ncanary: b\nthreshold: many\n'));
    expect(() => parseCanarySpec(raw, (k) => `bad.yaml: ${k}`)).toThrow(
      'bad.yaml: threshold must be an integer between 1 and 1000 (got "many")',
    );
    expect(() => readAnalysisFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml does not exist/);
    expect(() => readAnalysisFile(file('list.yaml', '- a\n'))).toThrow(/must hold a mapping/);
  });
});
