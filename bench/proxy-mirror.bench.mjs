// The sidecar against nginx, with and without a mirror, on 127.0.0.1 (issue 3's targets). wrk drives
// keep-alive load (32 connections) at direct, sidecar and nginx; each proxy runs with no mirror, a fast
// mirror, a mirror answering after 1200 ms and a mirror answering 500 on 40 % of requests. Then the
// latency each proxy adds at a fixed 1,000 req/s. Every process it starts is stopped by pid at the end,
// on failure and on Ctrl-C.
//   PROXY_BENCH_DURATION_S  seconds per measured wrk run (default 10, 3..60)
//   PROXY_BENCH_CPU_PROF    a directory: run the sidecar under `node --cpu-prof` and keep its profiles there
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { cleanup } from './lib/cleanup.mjs';
import { CONSTANT_RATE_DEFAULTS, interleavedConstantRate } from './lib/constant-rate.mjs';
import { describePinning, pinSelfToLoadCore } from './lib/cpu-pinning.mjs';
import { startNginx } from './lib/nginx.mjs';
import { cpuSeconds, sampleRss } from './lib/proc-stats.mjs';
import { checkTargets, latencyTable, ratiosTable, targetsTable, throughputTable } from './lib/proxy-report.mjs';
import { SIDECAR_MAIN, sidecarBuilt, startSidecar } from './lib/sidecar.mjs';
import { ensureTools, versionOf } from './lib/system-tools.mjs';
import { startUpstreamProcess } from './lib/upstream-process.mjs';
import { runWrk, WRK_DEFAULTS } from './lib/wrk.mjs';

const DURATION_S = boundedInteger('PROXY_BENCH_DURATION_S', WRK_DEFAULTS.durationS, 3, 60);
/** wrk before each measured run: opens the connections, lets V8 compile the hot paths. */
const WARMUP_S = 2;
/** Fixed-rate latency: per target, this many slices of LATENCY_SLICE_MS, interleaved with the others. */
const LATENCY_ROUNDS = 4;
const LATENCY_SLICE_MS = 2_000;
const CPU_PROF_DIR = process.env.PROXY_BENCH_CPU_PROF ? resolve(process.env.PROXY_BENCH_CPU_PROF) : undefined;

const CASES = [
  { key: 'none', label: 'no mirror', upstream: undefined, latency: true },
  { key: 'fast', label: 'fast mirror', upstream: 'mirror-fast', latency: true },
  { key: 'slow', label: '1200 ms mirror', upstream: 'mirror-slow', latency: false },
  { key: 'flaky', label: '40 %-500 mirror', upstream: 'mirror-500', latency: false },
];

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

/** One measured wrk run against `url`, with the proxy's CPU and the upstreams' counts around it. */
async function measure(tools, upstreams, url, { proxyPid, mirror }) {
  await runWrk(tools.wrk, url, { durationS: WARMUP_S });
  const before = { counts: await upstreams.counts(), cpu: proxyPid && cpuSeconds(proxyPid), at: performance.now() };
  const wrk = await runWrk(tools.wrk, url, { durationS: DURATION_S });
  const elapsedS = (performance.now() - before.at) / 1_000;
  const counts = await upstreams.counts();
  const cpu = proxyPid ? cpuSeconds(proxyPid) - before.cpu : undefined;
  return {
    wrk,
    liveReceived: counts.live - before.counts.live,
    mirrorReceived: mirror ? counts[mirror] - before.counts[mirror] : undefined,
    cpuShare: cpu === undefined ? undefined : cpu / elapsedS,
    cpuPerRequestUs: cpu === undefined || wrk.requests === 0 ? undefined : (cpu * 1e6) / wrk.requests,
  };
}

function startProxy(tools, upstreams, target, benchCase, profileName) {
  const mirrorPort = benchCase.upstream && upstreams.ports[benchCase.upstream];
  if (target === 'nginx') return startNginx(tools.nginx, { livePort: upstreams.ports.live, mirrorPort });
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${profileName}.cpuprofile`] : [];
  return startSidecar({ livePort: upstreams.ports.live, mirrorPort, nodeArgs });
}

async function runProxyCase(tools, upstreams, target, benchCase) {
  const proxy = await startProxy(tools, upstreams, target, benchCase, `sidecar-${benchCase.key}`);
  const rss = sampleRss(proxy.pid);
  try {
    const run = {
      target,
      key: benchCase.key,
      label: benchCase.label,
      mirror: benchCase.upstream,
      ...(await measure(tools, upstreams, proxy.url, { proxyPid: proxy.pid, mirror: benchCase.upstream })),
    };
    if (target === 'sidecar') run.dropped = (await proxy.stats()).dropped;
    run.peakRssMiB = rss.peakMiB();
    console.error(
      `  ${target} / ${benchCase.label}: ${Math.round(run.wrk.rps)} req/s, p99 ${run.wrk.p99} ms, peak RSS ${run.peakRssMiB.toFixed(1)} MiB`,
    );
    return run;
  } finally {
    rss.stop();
    await proxy.stop();
  }
}

/** Direct and every proxy × latency case, all running at once on their cores, measured in turns. */
async function measureAddedLatency(tools, upstreams, targets, directUrl) {
  const subjects = [{ name: 'direct', target: 'direct', label: 'no mirror', url: directUrl }];
  const started = [];
  try {
    for (const benchCase of CASES.filter((c) => c.latency)) {
      for (const target of targets) {
        const proxy = await startProxy(tools, upstreams, target, benchCase, `sidecar-latency-${benchCase.key}`);
        started.push(proxy);
        subjects.push({ name: `${target}/${benchCase.key}`, target, label: benchCase.label, url: proxy.url });
      }
    }
    console.error(
      `  fixed-rate latency: ${subjects.map((s) => s.name).join(', ')}, ${LATENCY_ROUNDS} × ${LATENCY_SLICE_MS / 1_000} s each`,
    );
    const results = await interleavedConstantRate(subjects, { rounds: LATENCY_ROUNDS, sliceMs: LATENCY_SLICE_MS });
    return subjects.map((s) => ({ target: s.target, label: s.label, latency: results.get(s.name) }));
  } finally {
    for (const proxy of started) await proxy.stop();
  }
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
    `wrk: -t${WRK_DEFAULTS.threads} -c${WRK_DEFAULTS.connections} -d${DURATION_S}s after a ${WARMUP_S} s warm-up; fixed-rate latency: ${CONSTANT_RATE_DEFAULTS.rate.toLocaleString('en-US')} req/s, ${LATENCY_ROUNDS} interleaved slices of ${LATENCY_SLICE_MS / 1_000} s per target after a 2 s warm-up`,
  );
  if (!withSidecar)
    console.log(`\nSIDECAR MISSING: ${SIDECAR_MAIN} does not exist (run \`npm run build\`); measuring direct and nginx only.\n`);

  const upstreams = await startUpstreamProcess();
  const targets = withSidecar ? ['nginx', 'sidecar'] : ['nginx'];
  const runs = [];
  const direct = `http://127.0.0.1:${upstreams.ports.live}/books/1`;
  runs.push({ target: 'direct', key: 'none', label: 'no mirror', ...(await measure(tools, upstreams, direct, {})) });
  console.error(`  direct: ${Math.round(runs[0].wrk.rps)} req/s`);
  // nginx and sidecar alternate case by case, so that a busy moment on a shared machine colours both.
  for (const benchCase of CASES) for (const target of targets) runs.push(await runProxyCase(tools, upstreams, target, benchCase));
  const latencyRuns = await measureAddedLatency(tools, upstreams, targets, direct);
  const loadAfter = loadavg()[0];

  const byKey = new Map(runs.filter((run) => run.target !== 'direct').map((run) => [`${run.target}/${run.key}`, run]));
  console.log(`\n### Throughput: wrk -t${WRK_DEFAULTS.threads} -c${WRK_DEFAULTS.connections} -d${DURATION_S}s, keep-alive\n`);
  console.log(throughputTable(runs));
  console.log(
    '\n"mirror upstream received": requests the mirror upstream got during the measured run, against those the live upstream got.',
  );
  console.log('"proxy CPU": user + system time of the proxy process tree over the run, as a share of one core.');
  console.log(`\n### Added latency at a fixed ${CONSTANT_RATE_DEFAULTS.rate.toLocaleString('en-US')} req/s (open loop)\n`);
  console.log(latencyTable(latencyRuns));
  console.log(`\n### Ratios\n`);
  console.log(ratiosTable(byKey, CASES));
  const checks = checkTargets(byKey);
  console.log(`\n### Targets\n`);
  if (checks.length > 0) console.log(targetsTable(checks));
  if (!withSidecar) console.log('\nSIDECAR MISSING: no target could be checked.');
  console.log(`\nload average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`);
  if (CPU_PROF_DIR) console.log(`sidecar CPU profiles: ${CPU_PROF_DIR}/sidecar-<case>.cpuprofile`);
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
