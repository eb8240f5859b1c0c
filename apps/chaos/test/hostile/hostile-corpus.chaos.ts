import { join } from 'node:path';
import { REPO_ROOT } from '../../src/app-entries';
import {
  DEFAULT_SEED,
  describeFailures,
  emptySummary,
  generateCases,
  namedCases,
  recordResults,
  runCases,
  slowCases,
  startHostileTargets,
  TARGET_NAMES,
  validRequests,
  writeSummary,
  SLOW_CLIENT_BOUND_MS,
  type CaseResult,
  type HostileCase,
  type HostileSummary,
  type HostileTargets,
  type TargetName,
} from '../../src/hostile';
import { SUCCESSES } from '../../src/hostile/hostile-case';
import { rawRequest } from '../../src/hostile/raw-request';
import { stopAllStarted } from '../../src/processes/child-process';
import { rssBytes } from '../../src/processes/proc-status';

/** Reproduce a run with HOSTILE_SEED=<the seed it printed>. */
const SEED = Number(process.env.HOSTILE_SEED ?? DEFAULT_SEED);
/** 5 endpoints × 220 = 1,100 generated cases, on top of the named ones. */
const GENERATED_PER_TARGET = 220;
/** Valid requests and generated cases (another seed) before the first RSS sample: JIT, pools and caches settle first. */
const WARM_UP_VALID = 100;
const WARM_UP_GENERATED = 60;
/**
 * RSS may grow this much over the suite. V8 grows its heap in steps and rarely gives pages back
 * within minutes, so a process that handled a few thousand requests and a few MB-scale bodies
 * sits some tens of MiB above its warm-up sample without leaking (Node 24's book service: +41 MiB
 * once); an unbounded buffer (a 256 MiB bomb) shows as far more.
 */
const RSS_MARGIN_BYTES = 64 * 1024 * 1024;
/**
 * What a second pass over the same generated corpus may add: a high-water mark is reached in the
 * first pass, so growth that repeats with the traffic is a leak.
 */
const RSS_REPEAT_MARGIN_BYTES = 16 * 1024 * 1024;
const HEALTH_TIMEOUT_MS = 3_000;
const SUMMARY_FILE = join(REPO_ROOT, 'test-artifacts', 'chaos', 'hostile-summary.json');

let targets: HostileTargets | undefined;
const summary: HostileSummary = emptySummary(SEED);
let slow: Promise<CaseResult[]> | undefined;
const started = Date.now();

function hostile(): HostileTargets {
  if (targets === undefined) throw new Error('the targets did not start');
  return targets;
}

async function run(cases: readonly HostileCase[]): Promise<CaseResult[]> {
  const t = hostile();
  const results = await runCases(cases, (c) => t.endpoints[c.target].raw);
  recordResults(summary, results);
  return results;
}

async function expectHealthy(target: TargetName): Promise<void> {
  const endpoint = hostile().endpoints[target];
  expect({ process: endpoint.process.name, alive: endpoint.process.alive() }).toEqual({ process: endpoint.process.name, alive: true });
  const response = await fetch(endpoint.healthUrl, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
  expect(response.status).toBe(200);
}

function validCases(target: TargetName, count: number): HostileCase[] {
  const t = hostile();
  const bases = validRequests(target, t.endpoints[target].authority);
  return Array.from({ length: count }, (_v, i) => ({
    name: `warm-up ${target} #${i}`,
    target,
    category: 'warm-up',
    parts: [{ bytes: rawRequest(bases[i % bases.length] ?? bases[0]!) }],
    expect: { statuses: SUCCESSES },
  }));
}

beforeAll(async () => {
  targets = await startHostileTargets();
  process.stdout.write(`hostile corpus: seed ${SEED} (HOSTILE_SEED=${SEED} reproduces it)\n`);
  const warmUp = TARGET_NAMES.flatMap((target) => [
    ...validCases(target, WARM_UP_VALID),
    ...generateCases({
      seed: SEED + 1,
      target,
      count: WARM_UP_GENERATED,
      bases: validRequests(target, hostile().endpoints[target].authority),
    }),
  ]);
  const warm = await runCases(warmUp, (c) => hostile().endpoints[c.target].raw);
  const warmFailures = warm.filter((r) => r.case.category === 'warm-up' && !r.verdict.ok);
  if (warmFailures.length > 0) throw new Error(`valid requests failed during warm-up:\n${describeFailures(warmFailures)}`);
  for (const p of hostile().processes) summary.processes[p.name] = { pid: p.pid, rssBeforeMiB: mib(rssBytes(p.pid)) };
  // Slow clients hold their connections for up to the bound: they run behind everything else.
  const slowAll = TARGET_NAMES.flatMap((target) => slowCases({ target, authority: hostile().endpoints[target].authority }));
  slow = runCases(slowAll, (c) => hostile().endpoints[c.target].raw, slowAll.length);
  slow.catch(() => undefined);
}, 120_000);

afterAll(async () => {
  try {
    summary.durationMs = Date.now() - started;
    for (const p of targets?.processes ?? []) {
      const sample = (summary.processes[p.name] ??= { pid: p.pid });
      sample.rssAfterMiB = mib(rssBytes(p.pid));
      sample.alive = p.alive();
      if (!p.alive()) summary.crashedProcesses.push(p.name);
    }
    summary.upstreamSawSmuggled = [...(targets?.upstreamSaw() ?? [])];
    writeSummary(SUMMARY_FILE, summary);
    process.stdout.write(`${printable(summary)}\nsummary written to ${SUMMARY_FILE}\n`);
  } finally {
    await targets?.stop();
    // Whatever a failed start left running (a start still pending when another failed).
    await stopAllStarted();
  }
}, 30_000);

describe.each(TARGET_NAMES)('hostile HTTP corpus against %s', (target) => {
  it('answers every named case as HTTP says, and stays healthy', async () => {
    const results = await run(namedCases({ target, authority: hostile().endpoints[target].authority }));
    await expectHealthy(target);
    expect(describeFailures(results)).toBe('');
  }, 90_000);

  it(`answers ${GENERATED_PER_TARGET} generated cases without a 500, a hang or a crash`, async () => {
    const t = hostile();
    const results = await run(
      generateCases({ seed: SEED, target, count: GENERATED_PER_TARGET, bases: validRequests(target, t.endpoints[target].authority) }),
    );
    await expectHealthy(target);
    expect(describeFailures(results)).toBe('');
  }, 90_000);
});

describe('across the corpus', () => {
  it(
    `lets every slow client go within ${SLOW_CLIENT_BOUND_MS / 1000} s`,
    async () => {
      const results = await (slow ?? Promise.resolve([]));
      recordResults(summary, results);
      for (const target of TARGET_NAMES) await expectHealthy(target);
      expect(describeFailures(results)).toBe('');
    },
    SLOW_CLIENT_BOUND_MS + 30_000,
  );

  it('lets no smuggled or route-bypassing request reach an upstream (book service log, mirror recorder)', () => {
    expect([...hostile().upstreamSaw()].sort()).toEqual([]);
  });

  it(`keeps RSS flat: a second pass over the generated corpus adds at most ${RSS_REPEAT_MARGIN_BYTES / 1024 / 1024} MiB to any process`, async () => {
    const t = hostile();
    const before = new Map(t.processes.map((p) => [p.name, rssBytes(p.pid)]));
    const again = TARGET_NAMES.flatMap((target) =>
      generateCases({ seed: SEED, target, count: GENERATED_PER_TARGET, bases: validRequests(target, t.endpoints[target].authority) }),
    );
    const results = await runCases(again, (c) => t.endpoints[c.target].raw);
    expect(describeFailures(results)).toBe('');
    const grown = t.processes.map((p) => {
      const first = before.get(p.name);
      const second = rssBytes(p.pid);
      return {
        process: p.name,
        firstMiB: mib(first),
        secondMiB: mib(second),
        flat: first !== undefined && second !== undefined && second - first <= RSS_REPEAT_MARGIN_BYTES,
      };
    });
    process.stdout.write(`rss over a second pass: ${grown.map((g) => `${g.process} ${g.firstMiB} → ${g.secondMiB} MiB`).join(', ')}\n`);
    expect(grown.filter((g) => !g.flat)).toEqual([]);
  }, 180_000);

  it(`keeps every process alive with its RSS within ${RSS_MARGIN_BYTES / 1024 / 1024} MiB of the warm-up sample`, () => {
    const grown = hostile().processes.map((p) => {
      const before = (summary.processes[p.name]?.rssBeforeMiB ?? 0) * 1024 * 1024;
      const after = rssBytes(p.pid);
      return {
        process: p.name,
        alive: p.alive(),
        withinMargin: after !== undefined && after - before <= RSS_MARGIN_BYTES,
        afterMiB: mib(after),
        beforeMiB: mib(before),
      };
    });
    expect(grown.filter((g) => !g.alive || !g.withinMargin)).toEqual([]);
  });
});

function mib(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function printable(s: HostileSummary): string {
  const lines = [
    `hostile corpus (seed ${s.seed}): ${s.tried} cases, ${s.failed} failed, ${s.crash500} answered 500, crashed: ${s.crashedProcesses.join(', ') || 'none'}`,
  ];
  for (const [name, t] of Object.entries(s.targets)) {
    const outcomes = Object.entries(t.byOutcome)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([o, n]) => `${o}×${n}`)
      .join(' ');
    lines.push(`  ${name.padEnd(15)} ${String(t.tried).padStart(5)} tried, ${String(t.failed).padStart(3)} failed  ${outcomes}`);
  }
  for (const [name, p] of Object.entries(s.processes))
    lines.push(`  rss ${name.padEnd(13)} ${p.rssBeforeMiB ?? '?'} → ${p.rssAfterMiB ?? '?'} MiB${p.alive === false ? ' (DEAD)' : ''}`);
  if (s.upstreamSawSmuggled.length > 0) lines.push(`  upstream saw: ${s.upstreamSawSmuggled.join(', ')}`);
  return lines.join('\n');
}
