// The book service's throughput with telemetry on (the real Application Insights SDK sending every
// request to the local collector over TLS) against telemetry off, in one run. Target: on ≥ 0.8 × off.
// With telemetry on, the SDK runs on the service's exporter thread; the request thread only hands it
// plain records. Two placements are measured, in alternating wrk slices so a busy moment falls on
// all alike:
// - "2 cores" (the target): each service may use both cores, as a pod with 2 CPUs would; wrk, the
//   collector (standing in for Azure) and this script are confined to core 1, so they take their
//   share of the machine from the service's exporter thread;
// - "1 core": each service (all its threads) confined to core 0, wrk and the collector on core 1;
//   shown so the SDK's whole CPU cost stays visible, not as a target.
// The CPU each service spends per request is read from /proc, for the whole process and for its
// request (main) thread alone, up to the moment the process is idle again after its slice: work it
// deferred (a telemetry backlog) counts, and "busy after load" shows how long it took (the worst
// slice); a long one means the exporter thread did not keep pace and the req/s would not last. After
// each "on" slice the collector's count, once settled, is set against what wrk got answered, so a
// placement that drops items shows it; at the end the totals are compared once more.
import { cleanup } from './lib/cleanup.mjs';
import { localConnectionString, startCollector, storedCount as storedCountOf } from './lib/collector-process.mjs';
import { PINNING, pinSelfToLoadCore, repin } from './lib/cpu-pinning.mjs';
import { cpuSeconds, mainThreadCpuSeconds, sampleRss, waitUntilIdle } from './lib/proc-stats.mjs';
import { startApp } from './lib/processes.mjs';
import { table } from './lib/stats.mjs';
import { ensureTools } from './lib/system-tools.mjs';
import { runWrk } from './lib/wrk.mjs';

/** Five rounds: with three, the median of a placement moved by ±0.15 between runs of the same build. */
const ROUNDS = 5;
const SLICE_S = 5;
const CONNECTIONS = 16;
const PATH = '/books/3/reviews';
const TARGET_RATIO = 0.8;
/** Where the services run; the first placement carries the target. Without taskset or 2 cores nothing is pinned. */
const PLACEMENTS = PINNING
  ? [
      { label: '2 cores', role: 'machine' },
      { label: '1 core', role: 'proxy' },
    ]
  : [{ label: 'unpinned', role: 'machine' }];

/** Requests the collector holds for the "on" service. */
const storedCount = (queryUrl) => storedCountOf(queryUrl, 'BENCH-telemetry-on');

/**
 * The same, once the count has stayed the same for longer than the SDK's export delay (1 s):
 * read every 400 ms until four reads agree, at most 20 s.
 */
async function settledCount(queryUrl) {
  let last = await storedCount(queryUrl);
  let same = 1;
  for (let i = 0; i < 50 && same < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const now = await storedCount(queryUrl);
    same = now === last ? same + 1 : 1;
    last = now;
  }
  return last;
}

/** Sums what the service's telemetry says it dropped or failed to send (its JSON warnings on stderr). */
function telemetryLosses(stderr) {
  const losses = { dropped: 0, failed: 0, reasons: new Set() };
  let pending = '';
  stderr.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"component":"telemetry"')) continue;
      const warning = JSON.parse(line);
      losses.dropped += warning.dropped ?? 0;
      losses.failed += warning.failed ?? 0;
      losses.reasons.add(String(warning.msg).replace(/\d+/g, 'N'));
    }
  });
  return losses;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { wrk } = ensureTools();
  pinSelfToLoadCore();
  const collector = await startCollector();
  const off = await startApp('book-service', { VERSION_TAG: 'BENCH-telemetry-off' });
  const on = await startApp('book-service', {
    VERSION_TAG: 'BENCH-telemetry-on',
    APPLICATIONINSIGHTS_CONNECTION_STRING: localConnectionString(collector.trackUrl),
    NODE_EXTRA_CA_CERTS: collector.certPath,
    // The exporter thread's priority: the service's default unless the caller sets it to compare.
    ...(process.env.TELEMETRY_EXPORTER_NICE === undefined ? {} : { TELEMETRY_EXPORTER_NICE: process.env.TELEMETRY_EXPORTER_NICE }),
  });

  const losses = telemetryLosses(on.stderr);
  const apps = { off, on };
  let storedBefore = await settledCount(collector.queryUrl);
  const memory = { off: sampleRss(off.pid), on: sampleRss(on.pid) };
  const slices = {};
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order within each round so neither variant always follows the other.
    const order = PLACEMENTS.flatMap((placement) => (round % 2 === 0 ? ['off', 'on'] : ['on', 'off']).map((name) => [placement, name]));
    for (const [placement, name] of round % 2 === 0 ? order : order.reverse()) {
      const app = apps[name];
      repin(app.pid, placement.role);
      const cpuBefore = cpuSeconds(app.pid);
      const mainBefore = mainThreadCpuSeconds(app.pid);
      const result = await runWrk(wrk, `${app.url}${PATH}`, { connections: CONNECTIONS, durationS: SLICE_S });
      // Work left over when the load stops (the exporter thread's backlog) is still this slice's cost.
      const settleS = Math.max(0, await waitUntilIdle(app.pid));
      // What this slice's items became: the collector's count once it stops growing (the SDK sends on a timer).
      const storedNow = name === 'on' ? await settledCount(collector.queryUrl) : undefined;
      const key = `${placement.label}|${name}`;
      (slices[key] ??= []).push({
        ...result,
        cpuUsPerRequest: ((cpuSeconds(app.pid) - cpuBefore) * 1e6) / result.requests,
        mainUsPerRequest: ((mainThreadCpuSeconds(app.pid) - mainBefore) * 1e6) / result.requests,
        settleS,
        ...(storedNow === undefined ? {} : { stored: storedNow - storedBefore }),
      });
      if (storedNow !== undefined) storedBefore = storedNow;
    }
  }
  const rss = Object.fromEntries(Object.entries(memory).map(([name, sampler]) => [name, sampler.peakMiB()]));
  for (const sampler of Object.values(memory)) sampler.stop();
  // Stopping flushes what the SDK still holds; then every answered request should be in the collector.
  await on.stop();
  const stored = await storedCount(collector.queryUrl);
  const answered = Object.entries(slices)
    .filter(([key]) => key.endsWith('|on'))
    .reduce((sum, [, list]) => sum + list.reduce((n, s) => n + s.requests, 0), 0);

  const rps = (key) => median(slices[key].map((x) => x.rps));
  const row = (placement, name) => {
    const s = slices[`${placement.label}|${name}`];
    return [
      placement.label,
      name,
      median(s.map((x) => x.rps)).toFixed(0),
      `${median(s.map((x) => x.p50)).toFixed(2)} ms`,
      `${median(s.map((x) => x.p99)).toFixed(2)} ms`,
      `${median(s.map((x) => x.cpuUsPerRequest)).toFixed(0)} µs`,
      `${median(s.map((x) => x.mainUsPerRequest)).toFixed(0)} µs`,
      `${Math.max(...s.map((x) => x.settleS)).toFixed(1)} s`,
      name === 'on' ? `${s.reduce((n, x) => n + x.stored, 0)} / ${s.reduce((n, x) => n + x.requests, 0)}` : '–',
      s.reduce((n, x) => n + x.non2xx, 0),
    ];
  };
  console.log(
    `book service GET ${PATH}, wrk -c${CONNECTIONS}, ${ROUNDS} rounds of alternating ${SLICE_S} s slices; medians; ` +
      `exporter thread nice ${process.env.TELEMETRY_EXPORTER_NICE ?? 'default'}`,
  );
  console.log(
    table(
      [
        'service on',
        'telemetry',
        'req/s',
        'p50',
        'p99',
        'CPU per request',
        'request thread',
        'busy after load',
        'items stored / answered',
        'non-2xx',
      ],
      PLACEMENTS.flatMap((placement) => [row(placement, 'off'), row(placement, 'on')]),
    ),
  );
  const [target, ...others] = PLACEMENTS;
  const ratio = rps(`${target.label}|on`) / rps(`${target.label}|off`);
  console.log(
    `\nratio on/off req/s, ${target.label}: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
  );
  for (const placement of others) {
    console.log(
      `ratio on/off req/s, ${placement.label}: ${(rps(`${placement.label}|on`) / rps(`${placement.label}|off`)).toFixed(2)} (shown, no target)`,
    );
  }
  console.log(`peak RSS: off ${rss.off.toFixed(0)} MiB, on ${rss.on.toFixed(0)} MiB (the exporter thread and the SDK)`);
  console.log(
    `telemetry items stored: ${stored} of ${answered} requests wrk counted as answered (wrk does not count those still in flight when a slice ends)`,
  );
  console.log(
    `telemetry's own count (its stderr warnings): ${losses.dropped} items dropped, ${losses.failed} failed to send` +
      (losses.reasons.size > 0 ? ` (${[...losses.reasons].join(' | ')})` : ''),
  );
  return ratio >= TARGET_RATIO ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error.stack ?? error.message);
    await cleanup();
    process.exit(1);
  });
