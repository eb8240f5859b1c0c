/** When lines are handed to the destination. */
export interface LineBatchOptions {
  /**
   * 0: at the end of each event-loop turn (the check phase). Above 0: at most this long after
   * the first line waiting, as Envoy's access log (`file_flush_interval`, 1 s): one system call
   * per many requests instead of one per turn, at the price of lines lost on a hard kill.
   */
  readonly flushIntervalMs: number;
  /** Bytes a batch holds at most (Envoy buffers 64 KiB): a line that would not fit flushes first. */
  readonly maxBytes: number;
}

export const LINE_BATCH_DEFAULTS: LineBatchOptions = { flushIntervalMs: 0, maxBytes: 64 * 1024 };

/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * Collects lines and hands them to the destination as one Buffer: a busy proxy answers
 * several requests per turn, and each destination write is a system call (plus, for an
 * asynchronous one, a trip through libuv's thread pool). Each line is encoded into one
 * buffer as it comes: joining the lines as a string first made a rope that the batch's
 * encoding had to flatten, which cost more than encoding every line on its own.
 */
export class LineBatch {
  private buffer: Buffer;
  private used = 0;
  private scheduled: { unref(): unknown } | undefined;
  private readonly schedule: () => { unref(): unknown };
  private readonly cancel: (scheduled: never) => void;

  constructor(
    /** Receives a batch it may keep: the batch's own buffer is reused, the sink gets a copy. */
    private readonly sink: (bytes: Buffer) => void,
    private readonly options: LineBatchOptions = LINE_BATCH_DEFAULTS,
  ) {
    this.buffer = Buffer.allocUnsafe(options.maxBytes);
    const interval = options.flushIntervalMs;
    this.schedule = interval > 0 ? () => setTimeout(this.flush, interval) : () => setImmediate(this.flush);
    this.cancel = interval > 0 ? clearTimeout : clearImmediate;
  }

  add(line: string): void {
    const worstCase = line.length * MAX_UTF8_BYTES_PER_UNIT;
    if (this.used + worstCase > this.buffer.length) {
      this.flush();
      // Longer than a whole batch could hold: it goes out on its own.
      if (worstCase > this.buffer.length) return this.sink(Buffer.from(line, 'utf8'));
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    if (this.scheduled !== undefined) return;
    // unref: a pending flush never keeps the process alive; close() flushes what is left.
    this.scheduled = this.schedule();
    this.scheduled.unref();
  }

  /** Hands over what is pending now (also called by close before the destination ends). */
  readonly flush = (): void => {
    if (this.scheduled !== undefined) this.cancel(this.scheduled as never);
    this.scheduled = undefined;
    if (this.used === 0) return;
    const bytes = Buffer.allocUnsafe(this.used);
    this.buffer.copy(bytes, 0, 0, this.used);
    this.used = 0;
    this.sink(bytes);
  };
}
