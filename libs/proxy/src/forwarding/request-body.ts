import { type IncomingMessage } from 'node:http';
import { type CompiledRequestBody } from '../config/compiled-config';
import { ClientAbortedError, RequestTimeoutError } from '../errors';
import { type ByteBudget } from '../limits/byte-budget';

/** A request body as it is when the exchange is ready to go upstream. */
export type RequestBody =
  | { readonly kind: 'none' }
  /** Read whole, within the buffer: replayable, and no connection was held while it arrived. */
  | { readonly kind: 'whole'; readonly body: Buffer }
  /** Too large to read ahead: what has arrived so far; the rest streams from the request. */
  | { readonly kind: 'stream'; readonly prefix: readonly Buffer[] };

export const NO_BODY: RequestBody = { kind: 'none' };

/**
 * Reads a request body ahead, before any upstream connection is taken, as nginx does by
 * default: a client that trickles its body then holds memory (bounded per request and by a
 * proxy-wide budget), never one of the upstream's connections. A body larger than the buffer,
 * or arriving when the budget is spent, is handed over to stream from where it is. Until the
 * body has ended, a stall between two chunks longer than the idle timeout fails it: the client
 * is the slow one (408).
 */
export class RequestBodyReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private charged = 0;
  private streaming = false;
  private ended = false;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly settings: CompiledRequestBody,
    private readonly budget: ByteBudget,
    private readonly onReady: (body: RequestBody) => void,
    private readonly onFail: (error: Error) => void,
  ) {}

  start(): void {
    this.idle = setTimeout(this.onIdle, this.settings.idleMs);
    this.req.on('data', this.onData);
    this.req.once('end', this.onEnd);
    this.req.once('close', this.onClose);
  }

  /** True while the exchange is waiting for the client's bytes (not held back by a slow upstream). */
  waitingOnClient(): boolean {
    return !this.ended && this.req.readableFlowing !== false;
  }

  /** Stops watching the request and gives back what the buffer held. */
  release(): void {
    this.clearIdle();
    this.req.off('data', this.onData);
    this.req.off('end', this.onEnd);
    this.req.off('close', this.onClose);
    this.giveBack();
    this.chunks = [];
  }

  private readonly onData = (chunk: Buffer): void => {
    this.idle?.refresh();
    if (this.streaming) return;
    this.size += chunk.length;
    if (this.size <= this.settings.bufferBytes && this.budget.tryTake(chunk.length)) {
      this.charged += chunk.length;
      this.chunks.push(chunk);
      return;
    }
    this.streaming = true;
    this.chunks.push(chunk);
    const prefix = this.chunks;
    this.chunks = [];
    // From here the chunks belong to the stream that carries them upstream.
    this.giveBack();
    this.onReady({ kind: 'stream', prefix });
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.clearIdle();
    if (this.streaming) return;
    const body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.onReady({ kind: 'whole', body });
  };

  private readonly onClose = (): void => {
    if (!this.req.complete) this.fail(new ClientAbortedError());
  };

  private readonly onIdle = (): void => {
    // Paused by backpressure (the upstream reads slowly): not the client's stall.
    if (this.req.readableFlowing === false) {
      this.idle?.refresh();
      return;
    }
    this.fail(new RequestTimeoutError(`request body stalled for more than ${this.settings.idleMs} ms`));
  };

  private fail(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.clearIdle();
    this.onFail(error);
  }

  private clearIdle(): void {
    if (this.idle === undefined) return;
    clearTimeout(this.idle);
    this.idle = undefined;
  }

  private giveBack(): void {
    this.budget.give(this.charged);
    this.charged = 0;
  }
}
