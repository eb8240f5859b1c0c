/** When lines are handed to the destination. */
export interface LineBatchOptions {
  /**
   * 0: at the end of each event-loop turn (the check phase). Above 0: at most this long after
   * the first line waiting, as Envoy's access log (`file_flush_interval`, 1 s): one system call
   * per many requests instead of one per turn, at the price of lines lost on a hard kill.
   */
  readonly flushIntervalMs: number;
  /** Pending characters that make a flush at once, whatever the interval (Envoy buffers 64 KiB). */
  readonly maxPendingChars: number;
}

export const LINE_BATCH_DEFAULTS: LineBatchOptions = { flushIntervalMs: 0, maxPendingChars: 64 * 1024 };

/**
 * Collects lines and hands them to the destination as one string: a busy proxy answers
 * several requests per turn, and each destination write is a system call (plus, for an
 * asynchronous one, a trip through libuv's thread pool).
 */
export class LineBatch {
  private pending = '';
  private scheduled: { unref(): unknown } | undefined;
  private readonly schedule: () => { unref(): unknown };
  private readonly cancel: (scheduled: never) => void;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly options: LineBatchOptions = LINE_BATCH_DEFAULTS,
  ) {
    const interval = options.flushIntervalMs;
    this.schedule = interval > 0 ? () => setTimeout(this.flush, interval) : () => setImmediate(this.flush);
    this.cancel = interval > 0 ? clearTimeout : clearImmediate;
  }

  add(line: string): void {
    this.pending += line;
    if (this.pending.length >= this.options.maxPendingChars) return this.flush();
    if (this.scheduled !== undefined) return;
    // unref: a pending flush never keeps the process alive; close() flushes what is left.
    this.scheduled = this.schedule();
    this.scheduled.unref();
  }

  /** Hands over what is pending now (also called by close before the destination ends). */
  readonly flush = (): void => {
    if (this.scheduled !== undefined) this.cancel(this.scheduled as never);
    this.scheduled = undefined;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.sink(text);
  };
}
