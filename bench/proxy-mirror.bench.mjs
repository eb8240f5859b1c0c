// The sidecar against nginx, with and without a mirror, on 127.0.0.1 (issue 3's targets). wrk drives
// keep-alive load (32 connections) at direct, sidecar and nginx; each proxy runs with no mirror, a fast
// mirror, a mirror answering after 1200 ms and a mirror answering 500 on 40 % of requests. Beside them,
// without a mirror, a bare node:http + undici forwarder (lib/bare-forwarder-main.mjs): the floor of the
// sidecar's own stack, against which the sidecar's CPU per request is budgeted (issue 13). Then the latency each proxy adds at a fixed 1,000
// req/s. All targets run side by side for the whole benchmark and are measured in interleaved slices
// (see lib/throughput-slices.mjs). Every process it starts is stopped by pid at the end, on failure and
// on Ctrl-C.
//   PROXY_BENCH_ROUNDS      wrk slices per target (default 5, 1..20)
//   PROXY_BENCH_SLICE_S     seconds per wrk slice (default 3, 2..30)
//   PROXY_BENCH_CPU_PROF    a directory: run the sidecars and the bare forwarder under `node --cpu-prof`, profiles there
//   PROXY_BENCH_NODE_FLAGS  extra node flags for the sidecars and the bare forwarder, space-separated (e.g. "--max-semi-space-size=16")
//   PROXY_BENCH_CASES       only these mirror cases, comma-separated (none,fast,slow,flaky,compare,flood,flood-compare; default all)
//   PROXY_BENCH_TARGETS     only these proxies, comma-separated (nginx,sidecar; default both)
//   PROXY_BENCH_SIDECAR_ENV the sidecars' extra environment, space-separated NAME=value (e.g. "ACCESS_LOG=false")
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startBareForwarder } from './lib/bare-forwarder.mjs';
import { cleanup } from './lib/cleanup.mjs';
import { CONSTANT_RATE_DEFAULTS, interleavedConstantRate } from './lib/constant-rate.mjs';
import { CORES, describePinning, pinSelfToLoadCore } from './lib/cpu-pinning.mjs';
import { startNginx } from './lib/nginx.mjs';
import { sampleRss } from './lib/proc-stats.mjs';
import { checkTargets, diffTable, floorTable, latencyTable, ratiosTable, targetsTable, throughputTable } from './lib/proxy-report.mjs';
import { SIDECAR_MAIN, sidecarBuilt, startSidecar } from './lib/sidecar.mjs';
import { ensureTools, versionOf } from './lib/system-tools.mjs';
import { measureSlice, mergeSlices } from './lib/throughput-slices.mjs';
import { startUpstreamProcess } from './lib/upstream-process.mjs';
import { runWrk, WRK_DEFAULTS } from './lib/wrk.mjs';

const ROUNDS = boundedInteger('PROXY_BENCH_ROUNDS', 5, 1, 20);
const SLICE_S = boundedInteger('PROXY_BENCH_SLICE_S', 3, 2, 30);
/** wrk at each target before the first slice: opens connections, lets V8 compile the hot paths. */
const WARMUP_S = 2;
/** Fixed-rate latency: per target, this many slices of LATENCY_SLICE_MS, interleaved with the others. */
const LATENCY_ROUNDS = 4;
const LATENCY_SLICE_MS = 2_000;
const CPU_PROF_DIR = process.env.PROXY_BENCH_CPU_PROF ? resolve(process.env.PROXY_BENCH_CPU_PROF) : undefined;
const NODE_FLAGS = (process.env.PROXY_BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
const SIDECAR_ENV = sidecarEnv(process.env.PROXY_BENCH_SIDECAR_ENV ?? '');

/** The bare forwarder runs in this case only: it cannot mirror. */
const BARE_CASE = 'none';
/** The sidecar as deployed but for its access log (off): in BARE_CASE only, against the bare forwarder. */
const QUIET_SIDECAR = 'sidecar-nolog';
const ALL_CASES = [
  { key: 'none', label: 'no mirror', upstream: undefined, latency: true },
  { key: 'fast', label: 'fast mirror', upstream: 'mirror-fast', latency: true },
  { key: 'slow', label: '1200 ms mirror', upstream: 'mirror-slow', latency: false },
  { key: 'flaky', label: '40 %-500 mirror', upstream: 'mirror-500', latency: false },
  // The shadow diff (sidecar only): the fast mirror compared, against `fast` (compare off) ...
  { key: 'compare', label: 'fast mirror, compared', upstream: 'mirror-fast', compare: {}, sidecarOnly: true, latency: false },
  // ... and a flood of large answers with a 1200 ms mirror, compare off then on: comparisons pile up to their caps.
  {
    key: 'flood',
    label: '250 KiB answers, 1200 ms mirror',
    live: 'live-large',
    upstream: 'mirror-slow',
    sidecarOnly: true,
    latency: false,
  },
  {
    key: 'flood-compare',
    label: '250 KiB answers, 1200 ms mirror, compared',
    live: 'live-large',
    upstream: 'mirror-slow',
    compare: { maxBodyBytes: 1024 * 1024 },
    sidecarOnly: true,
    latency: false,
  },
];
const CASES = ALL_CASES.filter((c) =>
  chosen(
    'PROXY_BENCH_CASES',
    ALL_CASES.map((each) => each.key),
  ).includes(c.key),
);
const PROXIES = chosen('PROXY_BENCH_TARGETS', ['nginx', 'sidecar']);

function boundedInteger(name, fallback, min, max) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} must be an integer from ${min} to ${max} (got "${text}")`);
    process.exit(2);
  }
  return value;
}

/** A comma-separated subset of `all` named by the environment variable, or all of them. */
function chosen(name, all) {
  const text = process.env[name];
  if (text === undefined || text === '') return all;
  const picked = text.split(',').map((each) => each.trim());
  const unknown = picked.filter((each) => !all.includes(each));
  if (unknown.length > 0 || picked.length === 0) {
    console.error(`${name} takes a comma-separated subset of ${all.join(',')} (got "${text}")`);
    process.exit(2);
  }
  return picked;
}

function startProxy(tools, upstreams, target, benchCase) {
  const mirrorPort = benchCase.upstream && upstreams.ports[benchCase.upstream];
  const livePort = upstreams.ports[benchCase.live ?? 'live'];
  if (target === 'nginx') return startNginx(tools.nginx, { livePort, mirrorPort });
  const profile = CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${target}-${benchCase.key}.cpuprofile`]
    : [];
  const nodeArgs = [...NODE_FLAGS, ...profile];
  if (target === 'bare') return startBareForwarder({ livePort: upstreams.ports.live, nodeArgs });
  const compare = benchCase.compare && { enabled: true, ...benchCase.compare };
  const env = target === QUIET_SIDECAR ? { ...SIDECAR_ENV, ACCESS_LOG: 'false' } : SIDECAR_ENV;
  return startSidecar({ livePort, mirrorPort, compare, nodeArgs, env });
}

/**
 * Beside the targets in BARE_CASE: the bare forwarder, and the sidecar with its access log off, which
 * does what the bare forwarder does (it writes no log): the like-for-like comparison issue 13 budgets.
 */
function floorTargets(caseTargets) {
  return [...(caseTargets.includes('sidecar') ? [QUIET_SIDECAR] : []), 'bare'];
}

function sidecarEnv(text) {
  const env = {};
  for (const pair of text.split(' ').filter((each) => each !== '')) {
    const at = pair.indexOf('=');
    if (at < 1) {
      console.error(`PROXY_BENCH_SIDECAR_ENV takes space-separated NAME=value pairs (got "${pair}")`);
      process.exit(2);
    }
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

/** Direct, then nginx and sidecar per case, bare in BARE_CASE: [{ name, target, key, label, latency, mirror, url, proxy? }]. */
async function startSubjects(tools, upstreams, targets) {
  const subjects = [
    {
      name: 'direct',
      target: 'direct',
      key: 'none',
      label: 'no mirror',
      latency: true,
      url: `http://127.0.0.1:${upstreams.ports.live}/books/1`,
    },
  ];
  for (const benchCase of CASES) {
    const caseTargets = benchCase.sidecarOnly ? targets.filter((target) => target === 'sidecar') : targets;
    for (const target of benchCase.key === BARE_CASE ? [...caseTargets, ...floorTargets(caseTargets)] : caseTargets) {
      const proxy = await startProxy(tools, upstreams, target, benchCase);
      subjects.push({
        name: `${target}/${benchCase.key}`,
        target,
        key: benchCase.key,
        label: benchCase.label,
        latency: benchCase.latency,
        mirror: benchCase.upstream,
        live: benchCase.live,
        compare: benchCase.compare !== undefined,
        url: proxy.url,
        pid: proxy.pid,
        proxy,
        rss: sampleRss(proxy.pid),
      });
    }
  }
  return subjects;
}

/** "sidecar/slow 18619 52µs": one slice, for the progress lines (a slow slice shows which target it hit). */
function sliceSummary(name, slice) {
  const cpu =
    slice.proxyCpuS === undefined || slice.wrk.requests === 0 ? '' : ` ${Math.round((slice.proxyCpuS * 1e6) / slice.wrk.requests)}µs`;
  return `${name} ${Math.round(slice.wrk.rps)}${cpu}`;
}

async function measureThroughput(tools, upstreams, subjects) {
  for (const subject of subjects) await runWrk(tools.wrk, subject.url, { durationS: WARMUP_S });
  const slices = new Map(subjects.map((s) => [s.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const subject of subjects) slices.get(subject.name).push(await measureSlice(tools.wrk, upstreams, subject, SLICE_S));
    console.error(
      `  round ${round}/${ROUNDS} (req/s, proxy µs/request): ${subjects.map((s) => sliceSummary(s.name, slices.get(s.name).at(-1))).join(', ')}`,
    );
  }
  const runs = [];
  for (const subject of subjects) {
    const run = {
      target: subject.target,
      key: subject.key,
      label: subject.label,
      mirror: subject.mirror,
      ...mergeSlices(slices.get(subject.name)),
    };
    if (subject.target === 'sidecar') run.dropped = (await subject.proxy.stats()).dropped;
    if (subject.compare) run.diff = await subject.proxy.diff();
    runs.push(run);
  }
  return runs;
}

async function main() {
  const tools = ensureTools();
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });
  pinSelfToLoadCore();
  const withSidecar = sidecarBuilt();
  const loadBefore = loadavg()[0];
  console.log(`${versionOf(tools.nginx)}; ${versionOf(tools.wrk)}; node ${process.version}`);
  console.log(`pinning: ${describePinning()}`);
  console.log(
    `throughput: wrk -t${WRK_DEFAULTS.threads} -c${WRK_DEFAULTS.connections} --latency, ${ROUNDS} interleaved slices of ${SLICE_S} s per target after a ${WARMUP_S} s warm-up`,
  );
  console.log(
    `latency: open loop at ${CONSTANT_RATE_DEFAULTS.rate.toLocaleString('en-US')} req/s, ${LATENCY_ROUNDS} interleaved slices of ${LATENCY_SLICE_MS / 1_000} s per target after a 2 s warm-up`,
  );
  if (!withSidecar)
    console.log(
      `\nSIDECAR MISSING: ${SIDECAR_MAIN} does not exist (run \`npm run build\`); measuring direct, nginx and the bare forwarder only.\n`,
    );

  const upstreams = await startUpstreamProcess();
  const subjects = await startSubjects(
    tools,
    upstreams,
    PROXIES.filter((target) => withSidecar || target !== 'sidecar'),
  );
  let runs;
  let latencyRuns;
  try {
    runs = await measureThroughput(tools, upstreams, subjects);
    const latencySubjects = subjects.filter((s) => s.latency);
    console.error(`  fixed-rate latency: ${latencySubjects.map((s) => s.name).join(', ')}`);
    const latency = await interleavedConstantRate(latencySubjects, { rounds: LATENCY_ROUNDS, sliceMs: LATENCY_SLICE_MS });
    latencyRuns = latencySubjects.map((s) => ({ target: s.target, label: s.label, latency: latency.get(s.name) }));
    for (const [i, subject] of subjects.entries())
      if (subject.rss) Object.assign(runs[i], { startRssMiB: subject.rss.startMiB, peakRssMiB: subject.rss.peakMiB() });
  } finally {
    for (const subject of subjects) {
      subject.rss?.stop();
      await subject.proxy?.stop();
    }
  }
  const loadAfter = loadavg()[0];

  const byKey = new Map(runs.filter((run) => run.target !== 'direct').map((run) => [`${run.target}/${run.key}`, run]));
  console.log(
    `\n### Throughput: wrk -t${WRK_DEFAULTS.threads} -c${WRK_DEFAULTS.connections}, keep-alive, medians of ${ROUNDS} × ${SLICE_S} s slices\n`,
  );
  console.log(throughputTable(runs));
  console.log('\n"req/s range": slowest and fastest slice. "mirror upstream received": requests the mirror upstream got during the');
  console.log('slices, against those the live upstream got. "proxy CPU", "upstreams CPU": user + system time of that process');
  console.log('tree during the slices, as a share of one core; "CPU/request": the proxy\'s CPU time per answered request,');
  console.log('median over the slices.');
  console.log(`\n### Added latency at a fixed ${CONSTANT_RATE_DEFAULTS.rate.toLocaleString('en-US')} req/s (open loop)\n`);
  console.log(latencyTable(latencyRuns));
  console.log(`\n### Ratios\n`);
  console.log(ratiosTable(byKey, CASES));
  const floor = floorTable(byKey);
  if (floor) {
    console.log("\n### The floor: a bare node:http + undici forwarder, no mirror (the sidecar's CPU per request is budgeted against it)\n");
    console.log(floor);
  }
  const diffRows = diffTable(runs);
  if (diffRows) {
    console.log('\n### Shadow diff: what the compared sidecars compared, dropped and held at the end\n');
    console.log(diffRows);
  }
  const checks = checkTargets(byKey);
  console.log(`\n### Targets\n`);
  if (checks.length > 0) console.log(targetsTable(checks));
  if (!withSidecar) console.log('\nSIDECAR MISSING: no target could be checked.');
  console.log(`\nload average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${CORES} cores`);
  if (Math.max(loadBefore, loadAfter) > CORES) {
    console.log('WARNING: other work kept the machine busy during this run: absolute figures and wide req/s ranges show it;');
    console.log('rerun on a quiet machine before reading much into them.');
  }
  if (CPU_PROF_DIR) console.log(`CPU profiles: ${CPU_PROF_DIR}/sidecar-<case>.cpuprofile and bare-none.cpuprofile`);
  return withSidecar && checks.every((check) => check.pass);
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`proxy-mirror benchmark failed: ${error.message}`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
