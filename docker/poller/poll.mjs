// The lab's poller, for compose (`docker compose --profile poller up`) and the container run:
// asks the SPA's /api for the books, a book and its reviews, like a user browsing, and
// prints what the client saw. Dependency-free: it runs in any image that has node.
//
//   TARGET_URL   the front end (default http://bookinfo-spa:8080)
//   POLL_RATE    page views per second (default 5; each view is 3 requests)
//   POLL_VIEWS   stop after this many views (default 0 = until stopped)
//   POLL_BOOKS   book ids to visit (default 1,2,3,4,5)
//   POLL_WAIT_MS wait this long for the front end to answer at start (default 60000)

const MAX_RATE = 200;
const REQUEST_TIMEOUT_MS = 10_000;

function integerEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`poller: ${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const target = (process.env.TARGET_URL || 'http://bookinfo-spa:8080').replace(/\/+$/, '');
const rate = integerEnv('POLL_RATE', 5, 1, MAX_RATE);
const views = integerEnv('POLL_VIEWS', 0, 0, 10_000_000);
const waitMs = integerEnv('POLL_WAIT_MS', 60_000, 0, 600_000);
const books = (process.env.POLL_BOOKS || '1,2,3,4,5')
  .split(',')
  .map((id) => id.trim())
  .filter((id) => /^\d+$/.test(id));
if (books.length === 0) {
  console.error('poller: POLL_BOOKS must be a comma-separated list of book ids, e.g. 1,2,3');
  process.exit(2);
}

const stats = { requests: 0, errors: 0, byStatus: new Map(), durations: [] };
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping = true));

async function get(path) {
  const started = performance.now();
  let status = 'network-error';
  try {
    const response = await fetch(`${target}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    status = String(response.status);
  } catch {
    // counted below as network-error
  }
  stats.requests += 1;
  stats.durations.push(performance.now() - started);
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
  if (!status.startsWith('2')) stats.errors += 1;
}

async function view(i) {
  const id = books[i % books.length];
  await Promise.all([get('/api/books'), get(`/api/books/${id}`), get(`/api/books/${id}/reviews`)]);
}

async function waitForTarget() {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const response = await fetch(`${target}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || stopping) throw new Error(`${target} did not become ready within ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report() {
  const sorted = [...stats.durations].sort((a, b) => a - b);
  const codes = [...stats.byStatus].map(([code, n]) => `${code}:${n}`).join(' ');
  const ms = (p) => percentile(sorted, p).toFixed(1);
  console.log(
    `poller: ${stats.requests} requests, ${stats.errors} errors (${codes}); p50 ${ms(50)} ms, p95 ${ms(95)} ms, p99 ${ms(99)} ms`,
  );
}

async function main() {
  await waitForTarget();
  console.log(`poller: ${target} at ${rate} views/s${views > 0 ? `, ${views} views` : ''}`);
  const inflight = new Set();
  const started = Date.now();
  for (let i = 0; !stopping && (views === 0 || i < views); i += 1) {
    // Open loop at a fixed rate: a slow answer does not slow the next view down.
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const pending = view(i).finally(() => inflight.delete(pending));
    inflight.add(pending);
    if (views === 0 && i > 0 && i % (rate * 10) === 0) report();
  }
  await Promise.all(inflight);
  report();
  process.exitCode = stats.errors === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(`poller: ${error.message}`);
  process.exit(1);
});
