import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type QueryResult } from '@mirrormesh/kql';
import { type QueryRefusal, type QueryReplyMessage, type QueryRequestMessage, type QueryWorkerData } from './kql-messages';
import { QueryBusyError, QueryFailedError, QueryRefusedError, QueryTimeoutError } from './query-errors';

/** Named, bounded defaults of the query thread. */
export const KQL_RUNNER_DEFAULTS = {
  /** A query running longer is stopped (its thread ended and started afresh) and answered 504. */
  timeoutMs: 30_000,
  /** Queries waiting behind the running one; more are refused at once (503) rather than queued. */
  maxQueued: 8,
  /** Result rows past this fail the query with Log Analytics' advice to narrow it. */
  maxRows: 50_000,
  /** The query thread's heap: a query that would need more fails, the collector does not. */
  maxOldGenerationSizeMb: 1024,
} as const;

export interface KqlRunnerOptions {
  readonly databaseFile: string;
  readonly timeoutMs?: number;
  readonly maxQueued?: number;
  readonly maxRows?: number;
  /** The clock of `now()` and `ago()`; injectable for tests. */
  readonly now?: () => number;
  /** The query thread's entry file: the built kql-worker.js unless a test swaps it. */
  readonly script?: string;
}

interface Pending {
  readonly resolve: (result: QueryResult) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The built worker beside this file; from the sources (tests), the build's. */
function workerScript(): string {
  return __filename.endsWith('.ts') ? join(__dirname, '..', '..', 'dist', 'query', 'kql-worker.js') : join(__dirname, 'kql-worker.js');
}

/**
 * Runs KQL on a thread of its own, started on the first query: the collector's thread keeps
 * acknowledging telemetry and answering probes while Microsoft's parser loads and queries scan.
 * Queries run one at a time; a bounded number wait; one past its deadline, or one that brings the
 * thread down (out of memory), fails alone: the thread is ended and the next query starts a new one.
 */
export class KqlRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Queries running or waiting, by text and timespan: the same query asked again meanwhile shares their answer. */
  private readonly inFlight = new Map<string, Promise<QueryResult>>();
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(private readonly options: KqlRunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? KQL_RUNNER_DEFAULTS.timeoutMs;
    this.maxQueued = options.maxQueued ?? KQL_RUNNER_DEFAULTS.maxQueued;
    this.now = options.now ?? Date.now;
  }

  /**
   * Resolves with Log Analytics' answer; rejects with QueryRefusedError, QueryBusyError, QueryTimeoutError or
   * QueryFailedError. A query identical (text and timespan) to one still running or waiting shares that one's
   * run: dashboards polling the same summary cost one scan, and never fill the queue.
   */
  run(query: string, timespan?: string): Promise<QueryResult> {
    const key = JSON.stringify([query, timespan ?? null]);
    const shared = this.inFlight.get(key);
    if (shared !== undefined) return shared;
    const answer = this.start(query, timespan);
    this.inFlight.set(key, answer);
    const forget = () => this.inFlight.delete(key);
    answer.then(forget, forget);
    return answer;
  }

  private start(query: string, timespan?: string): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new QueryFailedError('the collector is shutting down'));
    // The running query and the waiting ones.
    if (this.pending.size > this.maxQueued) return Promise.reject(new QueryBusyError(this.pending.size));
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const started = this.now();
    return new Promise<QueryResult>((resolve, reject) => {
      // The deadline counts from arrival: time spent waiting behind another query counts too.
      const timer = setTimeout(() => this.expire(id), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const message: QueryRequestMessage = { id, query, timespan, now: started };
      worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new QueryFailedError('the collector is shutting down'));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private spawn(): Worker {
    const workerData: QueryWorkerData = {
      databaseFile: this.options.databaseFile,
      maxRows: this.options.maxRows ?? KQL_RUNNER_DEFAULTS.maxRows,
    };
    const worker = new Worker(this.options.script ?? workerScript(), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: KQL_RUNNER_DEFAULTS.maxOldGenerationSizeMb },
    });
    // Idle, it never keeps the process alive.
    worker.unref();
    worker.on('message', (reply: QueryReplyMessage) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, `the query thread failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `the query thread stopped (exit code ${code})`));
    return worker;
  }

  private settle(reply: QueryReplyMessage): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else if ('refusal' in reply) pending.reject(new QueryRefusedError(reply.refusal as QueryRefusal));
    else pending.reject(new QueryFailedError(reply.failure));
  }

  /** A query past its deadline: the thread cannot be interrupted mid-scan, so it is ended. */
  private expire(id: number): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    pending.reject(new QueryTimeoutError(this.timeoutMs));
    const worker = this.worker;
    this.worker = undefined;
    // The queries behind it fail with it: they would wait on a thread that is being ended.
    this.failAll(new QueryFailedError('a query before this one ran past its deadline and was stopped; run it again'));
    void worker?.terminate();
  }

  private lost(worker: Worker, why: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.failAll(new QueryFailedError(why));
  }

  private failAll(error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
