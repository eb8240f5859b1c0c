// The collector's storage at scale: 1,000,000 request items stored directly through the collector's own
// batch check and store (processTrackBatch + store.append, in batches of 512 as the SDK sends them; no
// HTTP, so the figures are the store's), then the process's RSS and heap after a full GC, the files on
// disk, the time to reopen the data directory, the time of a full scan of every request as the
// KQL engine asks for the lab's query (name, resultCode, duration, customDimensions["VersionTag"]
// through `dynamicKeys`), and the lab's query itself, pasted verbatim, as the query thread runs it
// (its own read-only connection, one read transaction): the first run (Microsoft's parser loads) and
// the median of the next five. Target: the lab's query under 1 s over a million requests.
//
// COLLECTOR_BENCH_DIST=<dir> runs it against another build of apps/collector/dist (for instance the
// previous storage, which kept a row per request in memory and rebuilt them on open).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanup, trackDir } from './lib/cleanup.mjs';
import { RUNTIME_NODE_FLAGS } from './lib/processes.mjs';
import { table } from './lib/stats.mjs';

// Measured as the collector runs (its young generation bounded by the mirrormesh flags): without
// them V8's semi-spaces alone grow RSS by about 170 MiB while batches are parsed, stored or not.
if (!RUNTIME_NODE_FLAGS.every((flag) => process.execArgv.includes(flag)) || typeof globalThis.gc !== 'function') {
  const run = spawnSync(process.execPath, [...RUNTIME_NODE_FLAGS, '--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const REQUESTS = Number(process.env.COLLECTOR_BENCH_REQUESTS ?? 1_000_000);
const BATCH_ITEMS = 512;
const TAGS = ['V1MIR-LiveBookService', 'V2MIR-BookService', 'V3MIR-BookServiceDelay', 'V4MIR-BookServiceFault'];
const DIST = resolve(process.env.COLLECTOR_BENCH_DIST ?? new URL('../apps/collector/dist', import.meta.url).pathname);
const { default: collectorApi } = await import(pathToFileURL(join(DIST, 'index.js')).href);

const gc = globalThis.gc;
const MIB = 1024 * 1024;

/** One request envelope as the 3.x SDK writes it (as bench/collector-ingest.bench.mjs). */
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
        name: n % 3 === 0 ? 'GET /books/:id' : 'GET /books/:id/reviews',
        duration: `00:00:00.${String(n % 1000).padStart(3, '0')}`,
        success: n % 50 !== 0,
        responseCode: n % 50 === 0 ? '500' : '200',
        url: `/books/${(n % 4) + 1}/reviews`,
        properties: { VersionTag: TAGS[n % TAGS.length], RequestId: `req-${n}` },
        measurements: {},
      },
    },
  };
}

function memory() {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MIB, heap: heapUsed / MIB };
}

function diskMiB(dir) {
  let bytes = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else bytes += statSync(child).size;
    }
  };
  walk(dir);
  return bytes / MIB;
}

/** The store of this build: the SQLite store, or the previous segment store. */
async function openStore(dir) {
  if (collectorApi.TelemetryStore) return collectorApi.TelemetryStore.open(dir);
  // Its 512 MiB default would drop a quarter of the million (JSON lines take more room than rows).
  return collectorApi.SegmentStore.open(join(dir, 'segments'), { segmentMaxBytes: 16 * MIB, retentionMaxBytes: 4096 * MIB });
}

/** Every request as the engine reads it for the lab's query; returns the rows read. */
function fullScan(store) {
  let rows = 0;
  let tagged = 0;
  if (store.source) {
    const dynamicKeys = new Map([['customDimensions', ['VersionTag']]]);
    for (const row of store.source.scan('requests', { columns: ['name', 'resultCode', 'duration', 'customDimensions'], dynamicKeys })) {
      rows += 1;
      if (row[3]?.VersionTag) tagged += 1;
    }
  } else {
    for (const row of store.requests()) {
      rows += 1;
      if (row.versionTag) tagged += 1;
    }
  }
  return { rows, tagged };
}

/** The lab's query as its guide prints it (odd spacing and trailing blank included). */
const LAB_QUERY = `requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`;

/** The lab's query on a reader of its own, as the collector's query thread runs it: first run, then the median of five. */
async function labQuery(dir) {
  const { DatabaseSync } = await import('node:sqlite');
  const { runQuery } = (await import('../libs/kql/dist/index.js')).default;
  const reader = new DatabaseSync(join(dir, collectorApi.DATABASE_FILE), { readOnly: true });
  const source = new collectorApi.SqliteTableSource(reader);
  const run = async () => {
    reader.exec('BEGIN');
    const started = performance.now();
    try {
      const result = await runQuery(LAB_QUERY, source);
      return { ms: performance.now() - started, rows: result.tables[0].rows };
    } finally {
      reader.exec('COMMIT');
    }
  };
  const first = await run();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push((await run()).ms);
  reader.close();
  const counted = first.rows.reduce((sum, row) => sum + row[4], 0);
  if (counted !== REQUESTS) throw new Error(`the lab's query counted ${counted} requests, ${REQUESTS} were stored`);
  return { firstMs: first.ms, medianMs: warm.sort((a, b) => a - b)[2], groups: first.rows.length };
}

function timed(run) {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

async function main() {
  const { processTrackBatch, DEFAULT_TRACK_LIMITS } = collectorApi;
  const dir = trackDir(await mkdtemp(join(tmpdir(), 'mirrormesh-bench-storage-')));
  const start = memory();
  let store = await openStore(dir);
  const startTime = Date.now() - 3_600_000;
  const fillStarted = performance.now();
  for (let first = 0; first < REQUESTS; first += BATCH_ITEMS) {
    const time = new Date(startTime + Math.floor((first / REQUESTS) * 3_600_000)).toISOString();
    const items = [];
    for (let i = first; i < Math.min(first + BATCH_ITEMS, REQUESTS); i++) items.push(envelope(i, time));
    const outcome = await processTrackBatch(Buffer.from(JSON.stringify(items)), undefined, DEFAULT_TRACK_LIMITS);
    await store.append(outcome.accepted);
  }
  const fillS = (performance.now() - fillStarted) / 1000;
  const filled = memory();
  const scan = timed(() => fullScan(store));
  const afterScan = memory();
  const lab = collectorApi.TelemetryStore ? await labQuery(dir) : undefined;
  if (scan.result.rows !== REQUESTS) throw new Error(`the scan read ${scan.result.rows} rows, ${REQUESTS} were stored`);
  await store.close();
  store = undefined;
  const closed = memory();
  const reopenStarted = performance.now();
  store = await openStore(dir);
  const reopenMs = performance.now() - reopenStarted;
  const reopened = memory();
  await store.close();

  console.log(
    `${REQUESTS.toLocaleString('en-US')} requests stored directly through the store (${collectorApi.TelemetryStore ? 'SQLite' : 'segment files'}, ${DIST})\n`,
  );
  console.log(
    table(
      ['stage', 'RSS', 'heap used', 'note'],
      [
        ['empty store', `${start.rss.toFixed(0)} MiB`, `${start.heap.toFixed(0)} MiB`, ''],
        [
          'after storing',
          `${filled.rss.toFixed(0)} MiB`,
          `${filled.heap.toFixed(0)} MiB`,
          `${Math.round(REQUESTS / fillS).toLocaleString('en-US')} items/s`,
        ],
        [
          'after a full scan',
          `${afterScan.rss.toFixed(0)} MiB`,
          `${afterScan.heap.toFixed(0)} MiB`,
          `${scan.ms.toFixed(0)} ms, ${Math.round(REQUESTS / (scan.ms / 1000)).toLocaleString('en-US')} rows/s`,
        ],
        ...(lab
          ? [
              [
                "the lab's query",
                '',
                '',
                `first ${lab.firstMs.toFixed(0)} ms (parser load), then median ${lab.medianMs.toFixed(0)} ms; ${lab.groups} rows (target < 1000 ms)`,
              ],
            ]
          : []),
        ['closed', `${closed.rss.toFixed(0)} MiB`, `${closed.heap.toFixed(0)} MiB`, `${diskMiB(dir).toFixed(0)} MiB on disk`],
        ['reopened', `${reopened.rss.toFixed(0)} MiB`, `${reopened.heap.toFixed(0)} MiB`, `open took ${reopenMs.toFixed(0)} ms`],
      ],
    ),
  );
  return 0;
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
