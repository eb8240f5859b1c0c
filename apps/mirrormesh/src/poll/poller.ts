import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, errors as undiciErrors } from 'undici';
import { summarizeLatencies, type LatencySummary } from './latency-summary';
import { plannedRequests, pollPath, type PollStop } from './poll-plan';

export const POLL_DEFAULTS = {
  rate: 20,
  requests: 200,
  maxInFlight: 256,
  timeoutMs: 10_000,
  books: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  pathPrefix: '/api',
} as const;

export interface PollOptions {
  /** The front end, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly pathPrefix: string;
  readonly books: readonly number[];
  /** Requests per second, sent on schedule whatever the answers' speed (open loop). */
  readonly rate: number;
  readonly stop: PollStop;
  /** Past this many unanswered requests the poller waits instead of piling more on. */
  readonly maxInFlight?: number;
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly onProgress?: (progress: PollProgress) => void;
  readonly signal?: AbortSignal;
}

export interface PollProgress {
  readonly planned: number;
  readonly sent: number;
  readonly done: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

export interface PollResult {
  readonly url: string;
  readonly requests: number;
  readonly ok: number;
  readonly errors: number;
  /** Failures by HTTP status (`"500"`) or transport error code (`"ECONNREFUSED"`). */
  readonly errorsByStatus: Readonly<Record<string, number>>;
  readonly latency: LatencySummary;
  readonly elapsedMs: number;
  /** Whether a stop signal ended the poll before its plan. */
  readonly interrupted: boolean;
}

/** Polls the front end as the lab's poller does and returns what the client saw. */
export async function poll(options: PollOptions): Promise<PollResult> {
  const planned = plannedRequests(options.stop, options.rate);
  const maxInFlight = options.maxInFlight ?? POLL_DEFAULTS.maxInFlight;
  const timeoutMs = options.timeoutMs ?? POLL_DEFAULTS.timeoutMs;
  const agent = new Agent({ connections: maxInFlight, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const latencies = new Float64Array(planned);
  const errorsByStatus: Record<string, number> = {};
  let sent = 0;
  let done = 0;
  let errors = 0;
  let inFlight = 0;
  let wakeWhenSlotFrees: (() => void) | undefined;
  const started = performance.now();
  const report = () => options.onProgress?.({ planned, sent, done, errors, elapsedMs: performance.now() - started });
  const progressTimer = setInterval(report, 200);

  const one = async (index: number) => {
    const path = pollPath(index, options.books, options.pathPrefix);
    const t0 = performance.now();
    let failure: string | undefined;
    try {
      const response = await agent.request({ origin: options.url, path, method: 'GET', headers: { ...options.headers } });
      await response.body.dump({ limit: 4 * 1024 * 1024 }).catch(() => undefined);
      if (response.statusCode >= 400) failure = String(response.statusCode);
    } catch (error) {
      failure = errorCode(error);
    }
    latencies[index] = performance.now() - t0;
    if (failure !== undefined) {
      errors++;
      errorsByStatus[failure] = (errorsByStatus[failure] ?? 0) + 1;
    }
    done++;
    inFlight--;
    wakeWhenSlotFrees?.();
  };

  const pending = new Set<Promise<void>>();
  try {
    for (let index = 0; index < planned && options.signal?.aborted !== true; index++) {
      const due = started + (index * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait >= 1) await sleep(wait);
      while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (wakeWhenSlotFrees = resolve));
      inFlight++;
      sent++;
      const request = one(index);
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
    await Promise.all(pending);
  } finally {
    clearInterval(progressTimer);
    report();
    await agent.close();
  }
  return {
    url: `${options.url}${options.pathPrefix}`,
    requests: done,
    ok: done - errors,
    errors,
    errorsByStatus,
    latency: summarizeLatencies(latencies.subarray(0, done)),
    elapsedMs: performance.now() - started,
    interrupted: done < planned,
  };
}

function errorCode(error: unknown): string {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) return 'TIMEOUT';
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? code : 'ERROR';
}
