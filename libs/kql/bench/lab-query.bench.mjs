// The lab query over 1,000,000 generated request rows, engine time after the parser is warm.
// Run after a build: `npm run bench -w @mirrormesh/kql` (prints figures; asserts nothing).
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { memoryTableSource, runQuery } = require('../dist/index.js');

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const labQuery = `requests
| where customDimensions["VersionTag"] contains "MIR-"
| summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions   ["VersionTag"]), resultCode 
| sort by name, podVersion`;

const schema = {
  name: 'requests',
  columns: [
    { name: 'timestamp', type: 'datetime' },
    { name: 'name', type: 'string' },
    { name: 'duration', type: 'real' },
    { name: 'resultCode', type: 'string' },
    { name: 'customDimensions', type: 'dynamic' },
  ],
};
const names = ['GET /books', 'GET /books/{id}', 'POST /books', 'GET /health'];
const tags = ['V1MIR-LiveBookService', 'V2MIR-BookService', 'V3MIR-BookServiceDelay', 'V4MIR-BookServiceFault', 'other'];
const codes = ['200', '200', '200', '404', '500'];
const start = Date.UTC(2026, 11, 1);
const objects = Array.from({ length: ROWS }, (_, i) => ({
  timestamp: start + i,
  name: names[i % names.length],
  duration: (i % 997) / 7,
  resultCode: codes[(i >> 3) % codes.length],
  customDimensions: { VersionTag: tags[(i >> 1) % tags.length], Extra: 'x' },
}));

// Rows already shaped as the request asks (what a prepared SQLite statement hands over): engine time alone.
function arraySource() {
  let shaped;
  return {
    tables: () => [schema],
    scan: (_table, request) => {
      shaped ??= objects.map((row) => request.columns.map((column) => row[column]));
      return shaped;
    },
  };
}

async function time(label, source, runs = 5) {
  await runQuery(labQuery, source); // warm the parser and shape the rows
  const times = [];
  const cpu = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    // CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await runQuery(labQuery, source);
    times.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    rows = result.tables[0].rows.length;
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(0);
  console.log(`${label}: wall median ${median(times)} ms, cpu median ${median(cpu)} ms (${ROWS} rows in, ${rows} out)`);
}

const t0 = performance.now();
await runQuery('requests | take 1', memoryTableSource([schema], { requests: [] }));
console.log(`parser load + first query: ${(performance.now() - t0).toFixed(0)} ms`);
await time('lab query, engine only (rows as arrays)', arraySource());
await time('lab query, through memoryTableSource (objects)', memoryTableSource([schema], { requests: objects }));
