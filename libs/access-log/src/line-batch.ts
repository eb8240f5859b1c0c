/**
 * Collects the lines written during one turn of the event loop and hands them to the
 * destination as one string in the check phase (setImmediate): a busy proxy answers
 * several requests per turn, and each destination write is a system call (plus, for an
 * asynchronous one, a trip through libuv's thread pool). A line waits at most one turn.
 */
export class LineBatch {
  private pending = '';
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly sink: (text: string) => void) {}

  add(line: string): void {
    this.pending += line;
    // unref: a pending flush never keeps the process alive; close() flushes what is left.
    this.scheduled ??= setImmediate(this.flush).unref();
  }

  /** Hands over what is pending now (also called by close before the destination ends). */
  readonly flush = (): void => {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.sink(text);
  };
}
