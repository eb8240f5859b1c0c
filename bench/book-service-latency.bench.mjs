// The live book service's latency at low load: sequential requests on one keep-alive
// connection, after a warm-up. Target: reviews answered in well under 15 ms.
import { Pool } from 'undici';
import { startApp } from './lib/processes.mjs';
import { ms, summarize, table } from './lib/stats.mjs';

const WARMUP = 500;
const REQUESTS = 2_000;

async function measure(pool, pathFor) {
  for (let i = 0; i < WARMUP; i++) await (await pool.request({ method: 'GET', path: pathFor(i) })).body.dump();
  const samples = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await pool.request({ method: 'GET', path: pathFor(i) });
    await response.body.dump();
    samples.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${pathFor(i)} answered ${response.statusCode}`);
  }
  return summarize(samples);
}

const service = await startApp('book-service', { BOOK_SERVICE_VARIANT: 'live' });
const pool = new Pool(service.url, { connections: 1 });
try {
  const rows = [];
  for (const [name, pathFor] of [
    ['GET /books/:id/reviews', (i) => `/books/${(i % 10) + 1}/reviews`],
    ['GET /books/:id', (i) => `/books/${(i % 10) + 1}`],
    ['GET /books', () => '/books'],
  ]) {
    const s = await measure(pool, pathFor);
    rows.push([name, s.n, ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)]);
  }
  console.log(`book service (live), ${REQUESTS} sequential requests per route after ${WARMUP} warm-up, one keep-alive connection`);
  console.log(table(['route', 'requests', 'p50', 'p90', 'p99', 'max'], rows));
} finally {
  await pool.close();
  await service.stop();
}
