import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_HANDOFF_BACKLOG,
  DEFAULT_HANDOFF_BATCH_ITEMS,
  DEFAULT_HANDOFF_DELAY_MS,
  EXPORTER_THREAD_MAX_OLD_GENERATION_MB,
  EXPORTER_THREAD_MAX_YOUNG_GENERATION_MB,
} from '../export-queue-defaults';
import { type DependencyRecord, type RequestRecord, type Telemetry } from '../telemetry';
import { telemetryWarning } from '../telemetry-warning';
import { type ExporterThreadSettings, type FromExporterThread, type ToExporterThread } from './worker-protocol';

export interface HandoffLimits {
  readonly batchItems: number;
  readonly delayMs: number;
  readonly backlog: number;
}

export const DEFAULT_HANDOFF_LIMITS: HandoffLimits = {
  batchItems: DEFAULT_HANDOFF_BATCH_ITEMS,
  delayMs: DEFAULT_HANDOFF_DELAY_MS,
  backlog: DEFAULT_HANDOFF_BACKLOG,
};

/** Drops and SDK failures are said at most this often, with their counts since the last time. */
const WARNING_INTERVAL_MS = 10_000;
/** How long ready() waits for the exporter thread to load the SDK (about 1 s on a quiet machine). */
export const EXPORTER_READY_TIMEOUT_MS = 15_000;
/** After the exporter thread died, how long until a new one starts (items meanwhile are dropped and counted). */
export const EXPORTER_RESTART_DELAY_MS = 1_000;

/**
 * The compiled worker entry. Jest runs this file from src (TypeScript, which a worker cannot
 * load), so tests use the build of the same source (turbo builds before it tests).
 */
function workerScript(): string {
  return __filename.endsWith('.ts')
    ? join(__dirname, '..', '..', 'dist', 'worker', 'telemetry-worker.js')
    : join(__dirname, 'telemetry-worker.js');
}

/**
 * Telemetry whose SDK runs on its own thread. The request thread only gathers plain records and
 * hands them over in batches (a few microseconds per request); the SDK's span, envelope and
 * HTTPS work happens on the exporter thread. Flush and shutdown go through the same ordered
 * channel, so they cover every item tracked before them.
 */
export class ThreadedTelemetry implements Telemetry {
  readonly enabled = true;
  readonly roleName: string;
  readonly versionTag: string | undefined;
  private worker: Worker;
  private requests: RequestRecord[] = [];
  private dependencies: DependencyRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Handed over, not yet taken in by the SDK. */
  private backlog = 0;
  private dropped = 0;
  private failed = 0;
  private lastFailure: string | undefined;
  private lastWarningAt = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();
  private closing: Promise<void> | undefined;
  private failure: string | undefined;
  private dropReason: string | undefined;
  private started: Promise<void> = Promise.resolve();
  private markStarted: () => void = () => undefined;

  constructor(
    private readonly settings: ExporterThreadSettings,
    private readonly limits: HandoffLimits = DEFAULT_HANDOFF_LIMITS,
    /** The exporter thread's entry file: the built telemetry-worker.js unless a test swaps it. */
    private readonly script: string = workerScript(),
  ) {
    this.roleName = settings.roleName;
    this.versionTag = settings.versionTag;
    this.worker = this.spawn();
  }

  ready(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        telemetryWarning(`telemetry: the exporter thread is not ready after ${EXPORTER_READY_TIMEOUT_MS} ms; not waiting longer`);
        resolve();
      }, EXPORTER_READY_TIMEOUT_MS);
    });
    return Promise.race([this.started, late]).finally(() => clearTimeout(timer));
  }

  private spawn(): Worker {
    this.started = new Promise<void>((resolve) => (this.markStarted = resolve));
    const worker = new Worker(this.script, {
      workerData: this.settings,
      resourceLimits: {
        maxOldGenerationSizeMb: EXPORTER_THREAD_MAX_OLD_GENERATION_MB,
        maxYoungGenerationSizeMb: EXPORTER_THREAD_MAX_YOUNG_GENERATION_MB,
      },
    });
    // The thread never keeps the process alive by itself; it is held only while a flush waits.
    worker.unref();
    worker.on('message', (message: FromExporterThread) => {
      if (worker === this.worker) this.onMessage(message);
    });
    worker.on('error', (error) => this.onFailure(worker, `exporter thread failed: ${error.message}`));
    worker.on('exit', (code) => this.onFailure(worker, `exporter thread exited (code ${code})`));
    return worker;
  }

  trackRequest(record: RequestRecord): void {
    if (this.accepts()) {
      this.requests.push(record);
      this.gathered();
    }
  }

  trackDependency(record: DependencyRecord): void {
    if (this.accepts()) {
      this.dependencies.push(record);
      this.gathered();
    }
  }

  flush(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    return this.request('flush');
  }

  shutdown(): Promise<void> {
    this.closing ??= this.request('shutdown').then(() => {
      this.warnNow();
      return this.worker.terminate().then(() => undefined);
    });
    return this.closing;
  }

  private accepts(): boolean {
    if (this.closing !== undefined) return false;
    if (this.failure !== undefined || this.backlog + this.requests.length + this.dependencies.length >= this.limits.backlog) {
      this.dropReason = this.failure ?? `the hand-off to the exporter thread was full (${this.limits.backlog} items)`;
      this.dropped += 1;
      this.warnLater();
      return false;
    }
    return true;
  }

  private gathered(): void {
    if (this.requests.length + this.dependencies.length >= this.limits.batchItems) this.handOver();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.handOver(), this.limits.delayMs);
      this.timer.unref();
    }
  }

  private handOver(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const count = this.requests.length + this.dependencies.length;
    if (count === 0 || this.failure !== undefined) return;
    this.post({ type: 'items', requests: this.requests, dependencies: this.dependencies });
    this.backlog += count;
    this.requests = [];
    this.dependencies = [];
  }

  private request(type: 'flush' | 'shutdown'): Promise<void> {
    this.handOver();
    if (this.failure !== undefined) return Promise.resolve();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.ref();
      this.post({ type, id });
    });
  }

  private post(message: ToExporterThread): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: FromExporterThread): void {
    if (message.type === 'ready') return this.markStarted();
    if (message.type === 'taken') {
      this.backlog -= message.count;
      if (message.failed > 0) {
        this.failed += message.failed;
        this.lastFailure = message.error;
        this.warnLater();
      }
      return;
    }
    if (message.error !== undefined) telemetryWarning(`telemetry: the SDK reported: ${message.error}`);
    this.waiting.get(message.id)?.();
    this.waiting.delete(message.id);
    if (this.waiting.size === 0) this.worker.unref();
  }

  /**
   * The exporter thread died (an SDK crash, its heap limit): what it held is counted as dropped,
   * waiting flushes are released, and a new thread starts after a pause. Items tracked meanwhile
   * are dropped and counted.
   */
  private onFailure(worker: Worker, reason: string): void {
    if (worker !== this.worker || this.failure !== undefined) return;
    if (this.closing !== undefined) return this.releaseWaiting();
    this.failure = reason;
    this.dropReason = reason;
    this.dropped += this.backlog + this.requests.length + this.dependencies.length;
    this.backlog = 0;
    this.requests = [];
    this.dependencies = [];
    telemetryWarning(`telemetry: ${reason}; a new exporter thread starts in ${EXPORTER_RESTART_DELAY_MS} ms`);
    this.releaseWaiting();
    setTimeout(() => {
      if (this.closing !== undefined) return;
      this.worker = this.spawn();
      this.failure = undefined;
    }, EXPORTER_RESTART_DELAY_MS).unref();
  }

  private releaseWaiting(): void {
    this.markStarted();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  private warnLater(): void {
    if (Date.now() - this.lastWarningAt >= WARNING_INTERVAL_MS) this.warnNow();
  }

  /** Says what was lost since the last warning: nothing is dropped silently. */
  private warnNow(): void {
    if (this.dropped === 0 && this.failed === 0) return;
    this.lastWarningAt = Date.now();
    const parts = [];
    if (this.dropped > 0) parts.push(`${this.dropped} items dropped: ${this.dropReason ?? 'no reason recorded'}`);
    if (this.failed > 0) parts.push(`${this.failed} items refused by the SDK (${this.lastFailure ?? 'no reason given'})`);
    telemetryWarning(`telemetry: ${parts.join('; ')}`, { dropped: this.dropped, failed: this.failed });
    this.dropped = 0;
    this.failed = 0;
  }
}
