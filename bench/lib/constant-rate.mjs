// An open-loop load generator (what wrk2 does, which Debian does not ship): requests are sent on a fixed
// schedule whatever the answers do, over a keep-alive undici Pool with more connections than are ever
// busy, so a stalled server cannot hide its stall by slowing the load down. Each latency runs from the
// moment the request is handed to the pool (waiting for a connection included) to the end of its body;
// the timer's lag behind the schedule (Node timers tick per millisecond) is reported, not added.
import { Pool } from 'undici';
import { summarize } from './stats.mjs';

export const CONSTANT_RATE_DEFAULTS = {
  rate: 1_000,
  warmupMs: 2_000,
  durationMs: 8_000,
  /** Enough that a request never waits for a free connection at this rate and these latencies. */
  connections: 32,
  /** A request unanswered after this counts as an error instead of holding the run open. */
  timeoutMs: 5_000,
};

/**
 * Sends `rate` GET requests per second to `url` for warmupMs + durationMs; resolves with the latencies
 * (ms) of the 2xx answers to requests due after the warm-up, the error count, and the generator's worst
 * lag behind schedule (large values mean the machine, not the server, was the bottleneck).
 */
export async function constantRate(url, options = {}) {
  const { rate, warmupMs, durationMs, connections, timeoutMs } = { ...CONSTANT_RATE_DEFAULTS, ...options };
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
  });
  const total = Math.round((rate * (warmupMs + durationMs)) / 1_000);
  const intervalMs = 1_000 / rate;
  const samples = [];
  const statuses = new Map();
  let errors = 0;
  let maxLagMs = 0;
  let sent = 0;
  const inFlight = new Set();
  const start = performance.now() + 50;

  const fire = (dueAt) => {
    const measured = dueAt - start >= warmupMs;
    const sentAt = performance.now();
    const exchange = pool
      .request({ method: 'GET', path: `${pathname}${search}` })
      .then(async (response) => {
        await response.body.dump();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (!measured) return;
        if (response.statusCode >= 200 && response.statusCode < 300) samples.push(performance.now() - sentAt);
        else errors++;
      })
      .catch(() => {
        if (measured) errors++;
      })
      .finally(() => inFlight.delete(exchange));
    inFlight.add(exchange);
  };

  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        const dueAt = start + sent * intervalMs;
        maxLagMs = Math.max(maxLagMs, now - dueAt);
        fire(dueAt);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - performance.now())));
      else resolve();
    };
    setTimeout(tick, 50);
  });
  await Promise.all([...inFlight]);
  await pool.close();
  return { samples, errors, maxLagMs, statuses: Object.fromEntries(statuses) };
}

/**
 * Interleaves short constant-rate slices over several targets, round after round, so that a busy moment
 * on a shared machine falls on all of them alike; resolves with name → { n, p50, p90, p99, …, errors,
 * maxLagMs }. `targets`: [{ name, url }].
 */
export async function interleavedConstantRate(
  targets,
  { rounds = 4, sliceMs = 2_000, warmupMs = 2_000, rate = CONSTANT_RATE_DEFAULTS.rate } = {},
) {
  const merged = new Map(targets.map((t) => [t.name, { samples: [], errors: 0, maxLagMs: 0 }]));
  for (const target of targets) await constantRate(target.url, { rate, warmupMs, durationMs: 0 });
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const slice = await constantRate(target.url, { rate, warmupMs: 0, durationMs: sliceMs });
      const into = merged.get(target.name);
      into.samples.push(...slice.samples);
      into.errors += slice.errors;
      into.maxLagMs = Math.max(into.maxLagMs, slice.maxLagMs);
    }
  }
  return new Map([...merged].map(([name, m]) => [name, { ...summarize(m.samples), errors: m.errors, maxLagMs: m.maxLagMs }]));
}
