import { type IncomingHttpHeaders } from 'node:http';
import { type Readable } from 'node:stream';
import { type Dispatcher } from 'undici';
import { type CompiledMirror } from './compile-mirror';
import { type AnswerCapture } from '../diff/answer-capture';
import { MirrorTimeoutError } from '../errors';
import { classifyUpstreamError } from '../forwarding/upstream-failure';
import { type SlotWaiter } from '../transport/connection-slots';
import { DEADLINES, type Deadline } from '../timing/deadlines';
import { type Endpoint } from '../transport/upstream-pools';

export interface MirrorOutcome {
  readonly status: number;
  readonly errorCode: string | undefined;
  /** The mirror's answer was read to its last byte. */
  readonly complete: boolean;
  readonly bytes: number;
  /** The copy was written to the mirror. */
  readonly sent: boolean;
  /** From leaving the proxy to the last byte (0 when it never left). */
  readonly durationMs: number;
  /** From its creation until it left the proxy (or ended without leaving). */
  readonly queuedMs: number;
  /** The mirror could not be connected to (refused, unresolved, connect timeout). */
  readonly connectFailure: boolean;
  /** The error that ended it, when it was the copy's own body (too large, over the budget, client gone). */
  readonly bodyErrorCode: string | undefined;
}

/** The request a copy sends. */
export interface MirrorRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: string[];
  readonly body: Buffer | Readable | null;
}

const BODY_ERRORS = new Set(['ERR_MIRROR_BODY_TOO_LARGE', 'ERR_MIRROR_BUFFER_BUDGET', 'ERR_CLIENT_ABORTED']);

/**
 * One fire-and-forget mirror request. Nothing here can reach the live response: the
 * handler owns no reference to it. The mirror's answer is read and discarded (so its
 * keep-alive connection stays reusable) and only its status and size are kept; a compared
 * copy's answer also goes to its capture (status, headers, body up to the compare cap).
 *
 * `mirror.timeout` is one deadline set when the copy is created and enforced wherever it
 * is: waiting for a connection (it is skipped, no socket touched), connecting, sending its
 * body, waiting for headers, or reading a trickling answer (aborted).
 */
export class MirrorExchange implements Dispatcher.DispatchHandler, SlotWaiter {
  private readonly createdAt = performance.now();
  private sentAt = 0;
  private status = 0;
  private bytes = 0;
  private endpoint: Endpoint | undefined;
  private holdsSlot = false;
  private controller: Dispatcher.DispatchController | undefined;
  private timer: Deadline | undefined;
  private done: ((outcome: MirrorOutcome) => void) | undefined;

  constructor(
    private readonly mirror: CompiledMirror,
    private readonly request: MirrorRequest,
    done: (outcome: MirrorOutcome) => void,
    /** A compared copy's answer is captured here instead of discarded. */
    private readonly capture?: AnswerCapture,
  ) {
    this.done = done;
    this.timer = DEADLINES.set(mirror.timeoutMs, onMirrorTimeout, this);
    // Until undici takes the body nobody else listens: a body that fails while the copy
    // waits (too large, over the budget, client gone) ends the copy here instead of
    // becoming an unhandled 'error'.
    const body = request.body;
    if (body !== null && !Buffer.isBuffer(body)) body.on('error', this.onBodyError);
  }

  /** Waits for one of the next endpoint's connections. */
  submit(): void {
    this.endpoint = this.mirror.cluster.next();
    this.endpoint.slots.acquire(this);
  }

  get ended(): boolean {
    return this.done === undefined;
  }

  onSlot(): void {
    this.holdsSlot = true;
    const { path, method, headers, body } = this.request;
    try {
      (this.endpoint as Endpoint).pool.dispatch(
        // The deadline above bounds the whole copy; undici's own idle timers would only be later.
        { path, method: method as Dispatcher.HttpMethod, headers, body, headersTimeout: 0, bodyTimeout: 0 },
        this,
      );
    } catch (error) {
      this.onResponseError(undefined, error as Error);
    }
  }

  /** `mirror.timeout` passed: the copy ends wherever it is. */
  timedOut(): void {
    this.timer = undefined;
    const error = new MirrorTimeoutError(this.mirror.timeoutMs);
    if (this.controller !== undefined) return this.controller.abort(error);
    // Queued, or handed to undici and still connecting: end it now; undici reports later and frees the slot then.
    const body = this.request.body;
    if (body !== null && !Buffer.isBuffer(body)) body.destroy();
    // Past the deadline without a connection counts for the unreachable breaker like a refused connect.
    this.end(false, error, this.holdsSlot);
  }

  private readonly onBodyError = (error: Error): void => {
    if (!this.holdsSlot) this.fail(error);
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.ended) return controller.abort(new MirrorTimeoutError(this.mirror.timeoutMs));
    this.sentAt = performance.now();
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.status = statusCode;
    this.capture?.start(statusCode, headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    this.capture?.data(chunk);
  }

  onResponseEnd(): void {
    this.end(true, undefined, false);
    this.releaseSlot(this.status);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.fail(error);
    this.releaseSlot(error);
  }

  private fail(error: Error): void {
    this.end(false, error, false);
  }

  private end(complete: boolean, error: Error | undefined, stillConnecting: boolean): void {
    const done = this.done;
    if (done === undefined) return;
    // Dropping the callback also lets go of what it holds as soon as the copy ends.
    this.done = undefined;
    DEADLINES.clear(this.timer);
    this.timer = undefined;
    const now = performance.now();
    const sent = this.sentAt > 0;
    const failure = error === undefined ? undefined : classifyUpstreamError(error);
    const code = (error as { code?: unknown } | undefined)?.code;
    done({
      status: this.status,
      errorCode: failure?.code,
      complete,
      bytes: this.bytes,
      sent,
      durationMs: sent ? now - this.sentAt : 0,
      queuedMs: (sent ? this.sentAt : now) - this.createdAt,
      connectFailure: stillConnecting || failure?.retryOn === 'connect-failure',
      bodyErrorCode: typeof code === 'string' && BODY_ERRORS.has(code) ? code : undefined,
    });
    // After the copy's event is handed over, so a comparison settled by this answer publishes it at once.
    this.capture?.finish(complete, failure?.code);
  }

  /** The slot is undici's until it reports: only then may another copy take the connection. */
  private releaseSlot(outcome: number | Error): void {
    if (!this.holdsSlot) return;
    this.holdsSlot = false;
    // A mirror cluster's own detector learns from its copies (a live cluster never sees them).
    this.mirror.cluster.release(this.endpoint as Endpoint, outcome);
  }
}

function onMirrorTimeout(exchange: MirrorExchange): void {
  exchange.timedOut();
}
