import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESH_COMPARES_ANSWERS } from '../src/mesh/shadow-diff';

interface LabJson {
  scenario: string;
  rows: { name: string; podVersion: string; resultCode: string; duration: number; requestCount: number }[];
  client: { requests: number; errors: number; p50: number; p99: number };
  verdict: string;
}

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const REQUESTS = 40;
const REVIEWS = 'GET /books/:id/reviews';
const LIVE = 'V1MIR-LiveBookService';

/** The whole lab, as a user runs it: five meshes of real processes, real telemetry through the collector. */
describe('mirrormesh lab --scenario all', () => {
  let dir: string;
  let results: LabJson[];
  let exitCode: number | null;
  let output = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirrormesh-lab-'));
    const out = join(dir, 'lab.json');
    const child = spawn(
      process.execPath,
      [MAIN, 'lab', '--scenario', 'all', '--requests', String(REQUESTS), '--rate', '20', '--out', out],
      {
        env: { ...process.env, MIRRORMESH_STATE_DIR: join(dir, 'state') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exitCode = await new Promise((resolve) => child.once('exit', resolve));
    results = JSON.parse(readFileSync(out, 'utf8')) as LabJson[];
  }, 230_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const of = (scenario: string) => results.find((r) => r.scenario === scenario)!;
  const rows = (scenario: string, version: string, name?: string) =>
    of(scenario).rows.filter((r) => r.podVersion === version && (name === undefined || r.name === name));
  const count = (list: LabJson['rows']) => list.reduce((sum, r) => sum + r.requestCount, 0);
  const avg = (list: LabJson['rows']) => list.reduce((sum, r) => sum + r.duration * r.requestCount, 0) / count(list);

  it('judges every scenario a pass and says so in one line each', () => {
    // The failed verdicts in the assertion, so that a failure says which expectation broke.
    const failed = output.split('\n').filter((line) => line.startsWith('FAIL '));
    expect({ exitCode, failed }).toEqual({ exitCode: 0, failed: [] });
    expect(output).toContain('PASS v5-schema-change:');
    expect(results.map((r) => r.scenario)).toEqual(['v1-live', 'v2-mirroring', 'v3-delays', 'v4-fault', 'v5-schema-change']);
    for (const r of results) expect(r.verdict.startsWith(`${r.scenario}: `)).toBe(true);
  });

  it('users saw no error in any scenario, and live served every request', () => {
    for (const r of results) {
      expect(r.client).toMatchObject({ requests: REQUESTS, errors: 0 });
      expect(count(rows(r.scenario, LIVE))).toBe(REQUESTS);
      expect(rows(r.scenario, LIVE).every((row) => row.resultCode === '200')).toBe(true);
    }
  });

  it('v1: no mirror reports anything', () => {
    expect(of('v1-live').rows.every((r) => r.podVersion === LIVE)).toBe(true);
  });

  it('v2: the mirror sees the same requests with the same result codes', () => {
    expect(count(rows('v2-mirroring', 'V2MIR-BookService'))).toBe(REQUESTS);
    const codes = (version: string) =>
      rows('v2-mirroring', version)
        .map((r) => `${r.name} ${r.resultCode}`)
        .sort();
    expect(codes('V2MIR-BookService')).toEqual(codes(LIVE));
  });

  it('v3: the mirror averages over a second on reviews while live stays fast and users never wait for it', () => {
    expect(avg(rows('v3-delays', 'V3MIR-BookServiceDelay', REVIEWS))).toBeGreaterThanOrEqual(1000);
    expect(avg(rows('v3-delays', LIVE, REVIEWS))).toBeLessThan(50);
    expect(of('v3-delays').client.p99).toBeLessThan(1000);
  });

  it('v4: the mirror answers 500 exactly for the reviews of books 2 and 4; live has none', () => {
    const failed = rows('v4-fault', 'V4MIR-BookServiceFault').filter((r) => r.resultCode === '500');
    expect(failed.map((r) => r.name)).toEqual([REVIEWS]);
    // 40 requests = 20 books × (page + reviews): books 1..10 twice, so books 2 and 4 twice each.
    expect(count(failed)).toBe(4);
  });

  it('v5: the mirror answers with the same result codes as live: telemetry alone cannot see the schema change', () => {
    expect(count(rows('v5-schema-change', 'V5MIR-BookServiceSchemaChange'))).toBe(REQUESTS);
    expect(rows('v5-schema-change', 'V5MIR-BookServiceSchemaChange').every((r) => r.resultCode === '200')).toBe(true);
  });

  (MESH_COMPARES_ANSWERS ? it : it.skip)('v5: the answer comparison names the schema change; v2 differs only in noise', () => {
    expect(of('v5-schema-change').verdict).toMatch(
      /^v5-schema-change: mirror answers differ: .*\$\.reviews\[\d\]\.rating removed \d+ %.*; noise: \$\.servedAt; users saw 0 errors/,
    );
    expect(of('v5-schema-change').verdict).toMatch(/\$\.year type-changed/);
    expect(of('v2-mirroring').verdict).toContain(`${REQUESTS} answers compared, none differ beyond noise; noise: $.servedAt`);
  });
});
