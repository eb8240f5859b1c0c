// The book service's throughput with telemetry on (the real Application Insights SDK sending every
// request to the local collector over TLS) against telemetry off, in one run. Target: on ≥ 0.8 × off.
// The two services run on the measured core; wrk, the collector and this script on the other (the
// collector stands in for Azure, which costs the service nothing). They are measured in alternating
// wrk slices so a busy moment falls on both alike; the CPU each service spends per request is read
// from /proc. Afterwards the collector's count is compared with what wrk got answered.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import collectorApi from '../apps/collector/dist/index.js';
import { cleanup, onCleanup, trackDir } from './lib/cleanup.mjs';

const { certificatePath, localConnectionString } = collectorApi;
import { freePort, waitForHttp, watchChild } from './lib/child-process.mjs';
import { describePinning, pinSelfToLoadCore, spawnPinned } from './lib/cpu-pinning.mjs';
import { cpuSeconds } from './lib/proc-stats.mjs';
import { ROOT, startApp } from './lib/processes.mjs';
import { table } from './lib/stats.mjs';
import { ensureTools } from './lib/system-tools.mjs';
import { runWrk } from './lib/wrk.mjs';

const ROUNDS = 3;
const SLICE_S = 5;
const CONNECTIONS = 16;
const PATH = '/books/3/reviews';
const TARGET_RATIO = 0.8;

async function startCollector() {
  const [port, queryPort] = [await freePort(), await freePort()];
  const dataDir = trackDir(mkdtempSync(join(tmpdir(), 'mirrormesh-bench-collector-')));
  const child = spawnPinned('load', process.execPath, [`${ROOT}/apps/collector/dist/main.js`], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      QUERY_PORT: String(queryPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watchChild(child, 'collector');
  const queryUrl = `http://127.0.0.1:${queryPort}`;
  await waitForHttp(`${queryUrl}/health/ready`, watched, { name: 'collector' });
  return {
    trackUrl: `https://127.0.0.1:${port}/`,
    queryUrl,
    certPath: certificatePath(dataDir),
    stop: () => watched.stop(),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { wrk } = ensureTools();
  pinSelfToLoadCore();
  const collector = await startCollector();
  onCleanup(() => collector.stop());
  const off = await startApp('book-service', { VERSION_TAG: 'BENCH-telemetry-off' });
  onCleanup(() => off.stop());
  const on = await startApp('book-service', {
    VERSION_TAG: 'BENCH-telemetry-on',
    APPLICATIONINSIGHTS_CONNECTION_STRING: localConnectionString(collector.trackUrl),
    NODE_EXTRA_CA_CERTS: collector.certPath,
  });
  onCleanup(() => on.stop());

  const slices = { off: [], on: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, app] of round % 2 === 0
      ? [
          ['off', off],
          ['on', on],
        ]
      : [
          ['on', on],
          ['off', off],
        ]) {
      const cpuBefore = cpuSeconds(app.pid);
      const result = await runWrk(wrk, `${app.url}${PATH}`, { connections: CONNECTIONS, durationS: SLICE_S });
      slices[name].push({ ...result, cpuUsPerRequest: ((cpuSeconds(app.pid) - cpuBefore) * 1e6) / result.requests });
    }
  }
  // Stopping flushes what the SDK still holds; then every answered request should be in the collector.
  await on.stop();
  const summary = await request(`${collector.queryUrl}/query/requests-summary?contains=BENCH-telemetry-on`);
  const rows = (await summary.body.json()).rows;
  const stored = rows.reduce((sum, row) => sum + row.requestCount, 0);
  const answered = slices.on.reduce((sum, s) => sum + s.requests, 0);

  const row = (name) => {
    const s = slices[name];
    return [
      name,
      median(s.map((x) => x.rps)).toFixed(0),
      `${median(s.map((x) => x.p50)).toFixed(2)} ms`,
      `${median(s.map((x) => x.p99)).toFixed(2)} ms`,
      `${median(s.map((x) => x.cpuUsPerRequest)).toFixed(0)} µs`,
      s.reduce((n, x) => n + x.non2xx, 0),
    ];
  };
  const ratio = median(slices.on.map((x) => x.rps)) / median(slices.off.map((x) => x.rps));
  console.log(
    `book service GET ${PATH}, wrk -c${CONNECTIONS}, ${ROUNDS} alternating slices of ${SLICE_S} s each; medians; ${describePinning()}`,
  );
  console.log(table(['telemetry', 'req/s', 'p50', 'p99', 'CPU per request', 'non-2xx'], [row('off'), row('on')]));
  console.log(`\nratio on/off req/s: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
  console.log(
    `telemetry items stored: ${stored} of ${answered} requests wrk counted as answered (wrk does not count those still in flight when a slice ends)`,
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
