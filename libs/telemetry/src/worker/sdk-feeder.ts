import { type DependencyRecord, type RequestRecord, type Telemetry } from '../telemetry';

/** What the feeder reports after moving items into the SDK. */
export interface TakenReport {
  readonly count: number;
  readonly failed: number;
  readonly error?: string;
}

type Item = { readonly request: RequestRecord } | { readonly dependency: DependencyRecord };

/**
 * Feeds records into the SDK no faster than it exports them. The SDK's batch processor holds at
 * most DEFAULT_EXPORT_QUEUE_SIZE items and silently drops the rest, so at most `window` items
 * (well under that) are given to it between two flushes; the others wait here, and the request
 * thread's bounded hand-off counts what cannot wait.
 */
export class SdkFeeder {
  private queue: Item[] = [];
  private head = 0;
  /** Given to the SDK since the last completed flush: an upper bound of what it still holds. */
  private inSdk = 0;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly telemetry: Telemetry,
    private readonly window: number,
    private readonly onTaken: (report: TakenReport) => void,
  ) {}

  add(requests: readonly RequestRecord[], dependencies: readonly DependencyRecord[]): void {
    for (const request of requests) this.queue.push({ request });
    for (const dependency of dependencies) this.queue.push({ dependency });
    this.pump();
  }

  /** Resolves once every item added before the call has been sent (or the SDK gave up on it). */
  async flush(): Promise<void> {
    while (this.waiting() > 0) await (this.draining ?? this.drain());
    await this.draining;
    await this.telemetry.flush();
  }

  private waiting(): number {
    return this.queue.length - this.head;
  }

  private pump(): void {
    let count = 0;
    let failed = 0;
    let error: string | undefined;
    while (this.head < this.queue.length && this.inSdk < this.window) {
      const item = this.queue[this.head] as Item;
      this.head += 1;
      this.inSdk += 1;
      count += 1;
      try {
        if ('request' in item) this.telemetry.trackRequest(item.request);
        else this.telemetry.trackDependency(item.dependency);
      } catch (thrown) {
        failed += 1;
        error ??= (thrown as Error)?.message ?? String(thrown);
      }
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    if (count > 0) this.onTaken(error === undefined ? { count, failed } : { count, failed, error });
    if (this.waiting() > 0 && this.draining === undefined) void this.drain();
  }

  /** Sends what the SDK holds, then lets the next window in. */
  private drain(): Promise<void> {
    const covered = this.inSdk;
    this.draining = this.telemetry
      .flush()
      .catch(() => undefined)
      .then(() => {
        this.inSdk -= covered;
        this.draining = undefined;
        this.pump();
      });
    return this.draining;
  }
}
