import { type IncomingHttpHeaders } from 'node:http';
import { type ByteBudget } from '../limits/byte-budget';
import { allocateOwned, freeOwned } from '../limits/owned-memory';
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
 * headers only). The body is copied into one buffer the capture owns: sized from
 * `content-length` when the answer declares one (a body declared over the cap is never copied),
 * grown by doubling otherwise (and trimmed to its size once whole). Every byte of that buffer is charged to the proxy-wide
 * pending-bytes budget before it is taken, and freed (not left to the garbage collector) and
 * given back the moment the comparison lets go of it. The exchange keeps writing its chunks
 * where they go: a capture copies them and never holds up or alters the stream.
 */
export class AnswerCapture {
  state: CaptureState = 'waiting';
  errorCode: string | undefined;
  private status = 0;
  private headers: Record<string, string> | undefined;
  /** The copied body (its first `length` bytes); undefined before the first byte and once let go. */
  private body: Buffer<ArrayBuffer> | undefined;
  private length = 0;
  /** The body as answer() hands it out, made once: every comparison of this answer reads the same Buffer. */
  private view: Buffer | undefined;
  /** The size `content-length` declares, when it does. */
  private declared: number | undefined;
  /** Past `maxBodyBytes` (or declared so): status and headers only. */
  private overCap = false;
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
    this.letGoOfBody();
    this.declared = declaredLength(headers['content-length']);
    this.overCap = this.declared !== undefined && this.declared > this.maxBodyBytes;
  }

  data(chunk: Buffer): void {
    if (this.abandoned || this.overCap) return;
    const needed = this.length + chunk.length;
    if (needed > this.maxBodyBytes) {
      // Over the cap: status and headers only; what was held goes back at once.
      this.overCap = true;
      return this.letGoOfBody();
    }
    const body = this.room(needed);
    if (body === undefined) return this.owner.captureOverBudget();
    chunk.copy(body, this.length);
    this.length = needed;
  }

  /** The exchange ended: whole (`complete`) or not, with the code of what broke it. */
  finish(complete: boolean, errorCode: string | undefined): void {
    if (this.abandoned || this.state !== 'waiting') return;
    const answered = complete && this.headers !== undefined;
    this.state = answered ? 'answered' : 'failed';
    this.errorCode = answered ? undefined : (errorCode ?? 'INCOMPLETE');
    if (!answered) this.release();
    else this.trim();
    this.owner.captureSettled(this);
  }

  /** A failure decided outside the exchange (its copy never made, the comparison's deadline). */
  failNow(errorCode: string): void {
    if (this.abandoned || this.state !== 'waiting') return;
    this.state = 'failed';
    this.errorCode = errorCode;
    this.release();
  }

  /**
   * The answer as the diff reads it; its body only when held whole and within `maxBodyBytes`.
   * Read it before the comparison lets go (release): the body's memory is freed then.
   */
  answer(maxBodyBytes = this.maxBodyBytes): CapturedAnswer {
    const headers = this.headers ?? {};
    const held = !this.overCap && this.length <= maxBodyBytes;
    return {
      status: this.status,
      headers,
      body: held ? (this.view ??= this.body === undefined ? EMPTY : this.body.subarray(0, this.length)) : undefined,
      contentType: headers['content-type'],
      requestId: this.requestId,
    };
  }

  /** Lets go of every byte held; later chunks and endings are ignored. */
  release(): void {
    this.abandoned = true;
    this.letGoOfBody();
  }

  /**
   * A buffer with room for `needed` bytes: the declared length at once, else double what is
   * held (within the cap), charged to the budget first. Undefined when the budget cannot take it.
   */
  private room(needed: number): Buffer | undefined {
    const capacity = this.body?.length ?? 0;
    if (needed <= capacity) return this.body;
    const size = Math.min(this.maxBodyBytes, Math.max(needed, this.declared ?? 0, capacity * 2));
    if (!this.budget.tryTake(size - capacity)) return undefined;
    const grown = allocateOwned(size);
    if (this.body !== undefined) {
      this.body.copy(grown, 0, 0, this.length);
      freeOwned(this.body);
    }
    return (this.body = grown);
  }

  /** A grown body holds exactly its bytes while it waits for the other answers: one copy, the slack given back. */
  private trim(): void {
    const body = this.body;
    if (body === undefined || this.length === body.length) return;
    const exact = allocateOwned(this.length);
    body.copy(exact, 0, 0, this.length);
    this.budget.give(body.length - this.length);
    freeOwned(body);
    this.body = exact;
  }

  private letGoOfBody(): void {
    if (this.body !== undefined) {
      this.budget.give(this.body.length);
      freeOwned(this.body);
      this.body = undefined;
    }
    this.view = undefined;
    this.length = 0;
  }
}

const EMPTY: Buffer = Buffer.alloc(0);

/** A `content-length` Node accepted is digits only; anything else is treated as undeclared. */
function declaredLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
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
