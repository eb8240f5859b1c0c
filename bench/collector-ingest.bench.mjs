// The local collector's ingestion cost: batches of Application Insights request envelopes, shaped like
// the ones the SDK sends (512 per POST, JSON, TLS, keep-alive), posted as fast as the collector takes
// them with a few batches in flight, as the exporters of several services would. The collector runs on
// the proxy core, this script on the load core. Prints items/s, the collector's CPU per item (user +
// system, from /proc) and the batch latency; every item acknowledged must then be counted by its
// query API. Then, in this process, the memory the collector's store holds per stored request (the
// queries read the SQLite database, so it should be about nothing). No target: the collector shares a 2-core
// machine with the services in the telemetry benchmark, so what it costs per item is what it takes
// from them.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Agent, request } from 'undici';
import collectorApi from '../apps/collector/dist/index.js';
import { cleanup, onCleanup, trackDir } from './lib/cleanup.mjs';
import { startCollector, storedCount } from './lib/collector-process.mjs';
import { describePinning, pinSelfToLoadCore } from './lib/cpu-pinning.mjs';
import { cpuSeconds, sampleRss } from './lib/proc-stats.mjs';
import { quantile, table } from './lib/stats.mjs';

const BATCH_ITEMS = 512;
const IN_FLIGHT = 4;
const WARMUP_BATCHES = 40;
const BATCHES = 600;
const TAG = 'BENCH-ingest';
/** COLLECTOR_BENCH_CPU_PROF=dir: the collector writes a V8 CPU profile there when it stops. */
const CPU_PROF_DIR = process.env.COLLECTOR_BENCH_CPU_PROF ? resolve(process.env.COLLECTOR_BENCH_CPU_PROF) : undefined;

/** One request envelope as the 3.x SDK writes it (see apps/collector/test/fixtures for real captures). */
function envelope(n, time) {
  return {
    ver: 1,
    name: 'Microsoft.ApplicationInsights.Request',
    time,
    sampleRate: 100,
    iKey: '00000000-0000-0000-0000-000000000000',
    tags: {
      'ai.internal.sdkVersion': 'node20:otel2.7.1:dst1.18.1',
      'ai.cloud.role': 'book-service',
      'ai.cloud.roleInstance': 'bench',
      'ai.operation.id': (0x1000000000000000n + BigInt(n)).toString(16).padStart(32, '0'),
      'ai.operation.name': 'GET /books/:id/reviews',
    },
    data: {
      baseType: 'RequestData',
      baseData: {
        ver: 2,
        id: n.toString(16).padStart(16, '0'),
        name: 'GET /books/:id/reviews',
        duration: '00:00:00.0008',
        success: true,
        responseCode: '200',
        url: `/books/${(n % 4) + 1}/reviews`,
        properties: { VersionTag: TAG, RequestId: `req-${n}` },
        measurements: {},
      },
    },
  };
}

function batchBody(first) {
  const time = new Date().toISOString();
  const items = [];
  for (let i = 0; i < BATCH_ITEMS; i++) items.push(envelope(first + i, time));
  return JSON.stringify(items);
}

async function post(dispatcher, url, body) {
  const started = performance.now();
  const response = await request(`${url}v2.1/track`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher });
  const answer = await response.body.json();
  if (response.statusCode !== 200 || answer.itemsAccepted !== BATCH_ITEMS) {
    throw new Error(`collector answered ${response.statusCode}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return performance.now() - started;
}

/** Posts `count` batches, IN_FLIGHT at a time; resolves with each batch's latency in ms. */
async function postBatches(dispatcher, url, count, firstItem) {
  // Bodies are built before the clock starts: the client's JSON work is not the collector's.
  const bodies = Array.from({ length: count }, (_, i) => batchBody(firstItem + i * BATCH_ITEMS));
  const latencies = [];
  let next = 0;
  const lane = async () => {
    while (next < bodies.length) latencies.push(await post(dispatcher, url, bodies[next++]));
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return latencies;
}

/** Rows the retained-memory check stores, through the collector's own batch check and store. */
const ROWS = 200_000;

/**
 * What one stored request costs in memory while it is retained: heap used after a full GC, with
 * ROWS rows stored, minus before, per row (bench/collector-storage.bench.mjs measures RSS at 1M).
 */
async function retainedBytesPerRow() {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const { TelemetryStore, processTrackBatch, DEFAULT_TRACK_LIMITS } = collectorApi;
  const store = await TelemetryStore.open(trackDir(mkdtempSync(join(tmpdir(), 'mirrormesh-bench-rows-'))));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let first = 0; first < ROWS; first += BATCH_ITEMS) {
    const outcome = await processTrackBatch(Buffer.from(batchBody(first)), undefined, DEFAULT_TRACK_LIMITS);
    await store.append(outcome.accepted);
  }
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / store.stats().requests;
  await store.close();
  return bytes;
}

async function main() {
  pinSelfToLoadCore();
  console.log(`pinning: ${describePinning()}; collector on the proxy core`);
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=collector.cpuprofile'] : [];
  const collector = await startCollector({ role: 'proxy', nodeArgs });
  const rss = sampleRss(collector.pid);
  const dispatcher = new Agent({ connect: { ca: readFileSync(collector.certPath, 'utf8') }, connections: IN_FLIGHT });
  onCleanup(() => dispatcher.close());

  await postBatches(dispatcher, collector.trackUrl, WARMUP_BATCHES, 0);
  const cpuBefore = cpuSeconds(collector.pid);
  const started = performance.now();
  const latencies = await postBatches(dispatcher, collector.trackUrl, BATCHES, WARMUP_BATCHES * BATCH_ITEMS);
  const elapsedS = (performance.now() - started) / 1000;
  const cpuS = cpuSeconds(collector.pid) - cpuBefore;
  const items = BATCHES * BATCH_ITEMS;
  const sorted = [...latencies].sort((a, b) => a - b);
  const counted = await storedCount(collector.queryUrl, TAG);
  const expected = items + WARMUP_BATCHES * BATCH_ITEMS;

  console.log(
    `\n${BATCHES} batches of ${BATCH_ITEMS} request envelopes (${(Buffer.byteLength(batchBody(0)) / 1024).toFixed(0)} KiB JSON each), ` +
      `${IN_FLIGHT} in flight, over TLS with keep-alive\n`,
  );
  console.log(
    table(
      ['items/s', 'collector CPU per item', 'collector CPU share', 'batch p50', 'batch p99', 'peak RSS', 'counted / acknowledged'],
      [
        [
          Math.round(items / elapsedS).toLocaleString('en-US'),
          `${((cpuS * 1e6) / items).toFixed(1)} µs`,
          `${Math.round((100 * cpuS) / elapsedS)} %`,
          `${quantile(sorted, 0.5).toFixed(1)} ms`,
          `${quantile(sorted, 0.99).toFixed(1)} ms`,
          `${rss.peakMiB().toFixed(1)} MiB`,
          `${counted.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')}`,
        ],
      ],
    ),
  );
  rss.stop();
  await collector.stop();
  const perRow = await retainedBytesPerRow();
  console.log(
    `\nmemory held per stored request (heap after a full GC, ${ROWS.toLocaleString('en-US')} rows, in this process): ${perRow.toFixed(0)} bytes`,
  );
  return counted === expected ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
