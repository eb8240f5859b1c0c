import { type IncomingHttpHeaders } from 'node:http';
import { type ByteBudget } from '../limits/byte-budget';
import { type CapturedAnswer } from './captured-answer';

/** What a capture tells its comparison when its exchange ends. */
export interface CaptureOwner {
  /** The answer arrived whole (`answer`), or the exchange failed (`errorCode`), or the captured bytes ran out of budget. */
  captureSettled(capture: AnswerCapture): void;
  /** A chunk could not be charged to the proxy-wide budget: the whole comparison is given up. */
  captureOverBudget(): void;
}

export type CaptureState = 'waiting' | 'answered' | 'failed';

/**
 * One answer (live, candidate or noise) recorded while it streams: status, headers and the body
 * up to `maxBodyBytes` (past it the body is let go and the answer compares on status and
 * headers only). Every body byte held is charged to the proxy-wide pending-bytes budget
 * chunk by chunk and given back when the comparison ends. The exchange keeps writing its
 * chunks where they go: a capture copies them and never holds up or alters the stream.
 */
export class AnswerCapture {
  state: CaptureState = 'waiting';
  errorCode: string | undefined;
  private status = 0;
  private headers: Record<string, string> | undefined;
  private chunks: Buffer[] | undefined = [];
  /** The body joined once the answer is whole (the chunks let go then); undefined past the cap. */
  private body: Buffer | undefined;
  private bytes = 0;
  private charged = 0;
  private abandoned = false;

  constructor(
    private readonly requestId: string,
    private readonly maxBodyBytes: number,
    private readonly budget: ByteBudget,
    private readonly owner: CaptureOwner,
  ) {}

  /** The final status and headers (a retried attempt's are replaced by the next one's). */
  start(status: number, headers: IncomingHttpHeaders): void {
    if (this.abandoned) return;
    this.status = status;
    this.headers = flattenHeaders(headers);
    this.giveBack();
    this.chunks = [];
    this.bytes = 0;
  }

  data(chunk: Buffer): void {
    if (this.abandoned || this.chunks === undefined) return;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBodyBytes) {
      // Over the cap: status and headers only; what was held goes back at once.
      this.chunks = undefined;
      this.giveBack();
      return;
    }
    if (!this.budget.tryTake(chunk.length)) return this.owner.captureOverBudget();
    this.charged += chunk.length;
    // A copy: the exchange's chunk may share memory with a larger socket buffer.
    const copy = Buffer.allocUnsafeSlow(chunk.length);
    chunk.copy(copy);
    this.chunks.push(copy);
  }

  /** The exchange ended: whole (`complete`) or not, with the code of what broke it. */
  finish(complete: boolean, errorCode: string | undefined): void {
    if (this.abandoned || this.state !== 'waiting') return;
    const answered = complete && this.headers !== undefined;
    this.state = answered ? 'answered' : 'failed';
    this.errorCode = answered ? undefined : (errorCode ?? 'INCOMPLETE');
    if (!answered) this.release();
    else if (this.chunks !== undefined) {
      // Joined once, here: every comparison of this answer (each compared mirror, the noise
      // sample) reads the same Buffer, and a whole answer waiting for a slow mirror is one
      // allocation, not one per chunk. The charge stays: the same bytes are held.
      this.body = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.bytes);
      this.chunks = undefined;
    }
    this.owner.captureSettled(this);
  }

  /** A failure decided outside the exchange (its copy never made, the comparison's deadline). */
  failNow(errorCode: string): void {
    if (this.abandoned || this.state !== 'waiting') return;
    this.state = 'failed';
    this.errorCode = errorCode;
    this.release();
  }

  /** The answer as the diff reads it; its body only when held whole and within `maxBodyBytes`. */
  answer(maxBodyBytes = this.maxBodyBytes): CapturedAnswer {
    const headers = this.headers ?? {};
    return {
      status: this.status,
      headers,
      body: this.body !== undefined && this.bytes <= maxBodyBytes ? this.body : undefined,
      contentType: headers['content-type'],
      requestId: this.requestId,
    };
  }

  /** Lets go of every byte held; later chunks and endings are ignored. */
  release(): void {
    this.abandoned = true;
    this.chunks = undefined;
    this.body = undefined;
    this.giveBack();
  }

  private giveBack(): void {
    this.budget.give(this.charged);
    this.charged = 0;
  }
}

/** Lower-case names (Node's already are), repeated values joined as one field, as HTTP allows. */
function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
