import { Pool } from 'undici';

/**
 * Open-loop load: requests leave on a fixed schedule whatever the answers do, over a keep-alive
 * pool with more connections than are ever busy, so a stalled proxy cannot hide its stall by
 * slowing the load down. A latency runs from the moment the request is handed to the pool to the
 * end of its body. The count is fixed, and every request is bounded by `timeoutMs`.
 */
export interface SteadyLoadOptions {
  readonly url: string;
  readonly rate: number;
  readonly count: number;
  readonly connections?: number;
  readonly timeoutMs?: number;
}

export const STEADY_LOAD_DEFAULTS = {
  connections: 64,
  /** Longer than any route timeout a scenario sets: an unanswered request is an error, never a hang. */
  timeoutMs: 10_000,
} as const;

/** One request: when it was due (ms after the start), how long it took, and how it ended. */
export interface LoadRecord {
  readonly atMs: number;
  readonly ms: number;
  /** The HTTP status, or the client error code when there was no complete answer (`UND_ERR_SOCKET`). */
  readonly outcome: string;
}

export interface LoadResult {
  readonly sent: number;
  readonly records: readonly LoadRecord[];
  /** The generator's worst lag behind its schedule: large values mean the machine was the bottleneck. */
  readonly maxLagMs: number;
  readonly durationMs: number;
}

export async function steadyLoad(options: SteadyLoadOptions): Promise<LoadResult> {
  const { url, rate, count } = options;
  const connections = options.connections ?? STEADY_LOAD_DEFAULTS.connections;
  const timeoutMs = options.timeoutMs ?? STEADY_LOAD_DEFAULTS.timeoutMs;
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
  });
  const intervalMs = 1_000 / rate;
  const records: LoadRecord[] = [];
  const pending = new Set<Promise<void>>();
  let maxLagMs = 0;
  let sent = 0;
  const start = performance.now() + 20;

  const fire = (atMs: number): void => {
    const sentAt = performance.now();
    const exchange = pool
      .request({ method: 'GET', path: `${pathname}${search}` })
      .then(async (response) => {
        try {
          // Read to the end (dump() would swallow a cut body): a reset mid-body must count as an error.
          for await (const chunk of response.body) void chunk;
          records.push({ atMs, ms: performance.now() - sentAt, outcome: String(response.statusCode) });
        } catch (error) {
          records.push({ atMs, ms: performance.now() - sentAt, outcome: errorCode(error) });
        }
      })
      .catch((error: unknown) => {
        records.push({ atMs, ms: performance.now() - sentAt, outcome: errorCode(error) });
      })
      .finally(() => pending.delete(exchange));
    pending.add(exchange);
  };

  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < count && start + sent * intervalMs <= now) {
        const dueAt = start + sent * intervalMs;
        maxLagMs = Math.max(maxLagMs, now - dueAt);
        fire(dueAt - start);
        sent += 1;
      }
      if (sent < count) setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - performance.now())));
      else resolve();
    };
    setTimeout(tick, 0);
  });
  await Promise.all([...pending]);
  await pool.close();
  return { sent, records, maxLagMs, durationMs: performance.now() - start };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

/** The q-quantile (0–1) of `values` by nearest rank; undefined when empty. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface LoadSummary {
  readonly requests: number;
  readonly ok: number;
  /** Every request that did not end in a 2xx: HTTP errors and client errors alike. */
  readonly errors: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly p50Ms: number | undefined;
  readonly p99Ms: number | undefined;
  readonly maxMs: number | undefined;
}

export function summarizeLoad(records: readonly LoadRecord[]): LoadSummary {
  const outcomes: Record<string, number> = {};
  const okLatencies: number[] = [];
  for (const record of records) {
    outcomes[record.outcome] = (outcomes[record.outcome] ?? 0) + 1;
    if (/^2\d\d$/.test(record.outcome)) okLatencies.push(record.ms);
  }
  return {
    requests: records.length,
    ok: okLatencies.length,
    errors: records.length - okLatencies.length,
    outcomes,
    p50Ms: quantile(okLatencies, 0.5),
    p99Ms: quantile(okLatencies, 0.99),
    maxMs: quantile(okLatencies, 1),
  };
}
