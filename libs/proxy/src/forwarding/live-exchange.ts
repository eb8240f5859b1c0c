import { type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { type Dispatcher } from 'undici';
import { type AnswerCapture } from '../diff/answer-capture';
import { ClientAbortedError, PerTryTimeoutError, RequestTimeoutError, RouteTimeoutError, UpstreamOverflowError } from '../errors';
import { type ByteBudget } from '../limits/byte-budget';
import { isRetriableFailure, isRetriableStatus, mayRetryMethod, retryBackoffMs } from '../resilience/retry-policy';
import { type SlotWaiter } from '../transport/connection-slots';
import { DEADLINES, type Deadline } from '../timing/deadlines';
import { type ClusterEndpoints, type Endpoint } from '../transport/upstream-pools';
import { type ExchangeContext } from './exchange-context';
import { CLIENT_CLOSED_STATUS, type BodyReady, type LiveOutcome } from './live-outcome';
import { NO_BODY, RequestBodyReader, type RequestBody } from './request-body';
import { relayedResponseHeaders } from './response-headers';
import { sendProblem } from './send-problem';
import { classifyUpstreamError } from './upstream-failure';

/**
 * One live request, streamed both ways through undici's dispatch API: the response is
 * written to the client as it arrives, with backpressure.
 *
 * The route's timeout is one deadline, set when the exchange starts and enforced wherever
 * it waits: reading the request body ahead (408: the client is the slow one), queued for
 * a connection (504 on time, no socket touched), connecting, sending, and receiving.
 * Retries (Envoy's router): only while nothing has been sent to the client, only for requests
 * whose body was read whole (or that have none): only those can be replayed byte for byte,
 * and only for idempotent methods unless the route opts in. A per-try timeout is a retriable
 * event; the route's deadline always wins and ends the exchange, whatever attempts are left.
 */
export class LiveExchange implements Dispatcher.DispatchHandler, SlotWaiter {
  private controller: Dispatcher.DispatchController | undefined;
  private endpoint: Endpoint | undefined;
  private holdsSlot = false;
  private body: Buffer | Readable | null = null;
  private reader: RequestBodyReader | undefined;
  private attempts = 0;
  private status = 0;
  private bytes = 0;
  /** When it began waiting for a connection; 0 while not waiting. */
  private queuedSince = 0;
  private queuedMs = 0;
  private sent = false;
  private discarding = false;
  private finished = false;
  private clientGone = false;
  private deadline: Deadline | undefined;
  private tryTimer: Deadline | undefined;
  private backoff: NodeJS.Timeout | undefined;
  /** A per-try timeout that fired while undici was still connecting: applied when it hands over the request. */
  private pendingAbort: Error | undefined;
  /**
   * Set (before the request is sent) only on a request whose copy is compared: the answer is
   * also recorded here as it streams to the client. Otherwise this one check is all it costs.
   */
  capture: AnswerCapture | undefined;

  constructor(
    private readonly ctx: ExchangeContext,
    private readonly cluster: ClusterEndpoints,
    private readonly buffer: ByteBudget,
    private readonly bodyReady: BodyReady,
    private readonly done: (outcome: LiveOutcome) => void,
  ) {}

  start(): void {
    // The client may have left during a fault delay: its 'close' has already fired.
    if (this.ctx.res.destroyed) {
      this.clientGone = true;
      return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED', false);
    }
    this.ctx.res.once('close', this.onClientClose);
    this.deadline = DEADLINES.set(this.ctx.route.timeoutMs, onRouteTimeout, this);
    if (!this.ctx.headers.hasBody) return this.onBody(NO_BODY);
    this.reader = new RequestBodyReader(this.ctx.req, this.ctx.requestBody, this.buffer, this.onBody, this.onBodyFailed);
    this.reader.start();
  }

  /** Ended: a waiting exchange is skipped by the connection slots. */
  get ended(): boolean {
    return this.finished;
  }

  private readonly onBody = (read: RequestBody): void => {
    if (this.finished) return;
    this.body = this.bodyReady(read);
    this.acquire();
  };

  private readonly onBodyFailed = (error: Error): void => {
    if (error instanceof ClientAbortedError) this.clientGone = true;
    this.abortOrFail(error);
  };

  private readonly onClientClose = (): void => {
    if (this.finished || this.ctx.res.writableFinished) return;
    this.clientGone = true;
    this.abortOrFail(new ClientAbortedError());
  };

  /** The route's timeout passed: whatever the exchange waits on, it ends now. */
  timedOut(): void {
    this.deadline = undefined;
    const clientIsSlow = this.reader?.waitingOnClient() === true;
    this.abortOrFail(
      clientIsSlow
        ? new RequestTimeoutError(`request did not arrive within the route timeout of ${this.ctx.route.timeoutMs} ms`)
        : new RouteTimeoutError(this.ctx.route.timeoutMs),
    );
  }

  /** The attempt ran past perTryTimeout: abort it; undici then reports, and fail() retries or answers 504. */
  tryTimedOut(): void {
    this.tryTimer = undefined;
    const error = new PerTryTimeoutError(this.ctx.route.retry?.perTryTimeoutMs ?? 0);
    // Until undici calls onRequestStart there is nothing to abort, and the attempt still holds its connection.
    if (this.controller === undefined) this.pendingAbort = error;
    else this.controller.abort(error);
  }

  /** The back-off after a failed attempt is over: try again, unless the exchange ended meanwhile. */
  retryNow(): void {
    this.backoff = undefined;
    if (this.finished) return;
    if (this.clientGone) return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED', false);
    this.acquire();
  }

  /** Aborts the attempt undici is running (it then reports the error), or fails the exchange at once. */
  private abortOrFail(error: Error): void {
    if (this.holdsSlot && this.controller !== undefined) this.controller.abort(error);
    else this.fail(error);
  }

  private readonly resume = (): void => this.controller?.resume();

  private acquire(): void {
    this.endpoint = this.cluster.nextExcept(this.endpoint);
    this.queuedSince = performance.now();
    if (!this.cluster.acquire(this.endpoint, this)) this.fail(new UpstreamOverflowError(this.cluster.name));
  }

  onSlot(): void {
    this.holdsSlot = true;
    this.controller = undefined;
    this.pendingAbort = undefined;
    this.queuedMs += performance.now() - this.queuedSince;
    this.queuedSince = 0;
    this.attempts += 1;
    const perTry = this.ctx.route.retry?.perTryTimeoutMs;
    if (perTry !== undefined) this.tryTimer = DEADLINES.set(perTry, onTryTimeout, this);
    const { req } = this.ctx;
    try {
      (this.endpoint as Endpoint).pool.dispatch(
        {
          path: req.url as string,
          method: req.method as Dispatcher.HttpMethod,
          headers: this.ctx.headers.list,
          body: this.body,
          // The deadline above bounds the whole exchange; undici's own idle timers would only be later.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        this,
      );
    } catch (error) {
      this.onResponseError(undefined, error as Error);
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Ended while undici was connecting: let go without sending.
    if (this.finished)
      return controller.abort(this.clientGone ? new ClientAbortedError() : new RouteTimeoutError(this.ctx.route.timeoutMs));
    if (this.pendingAbort !== undefined) return controller.abort(this.pendingAbort);
    this.sent = true;
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.clearTryTimer();
    this.status = statusCode;
    if (this.canRetry() && isRetriableStatus(this.ctx.route.retry!, statusCode)) {
      this.discarding = true;
      return;
    }
    const out = relayedResponseHeaders(headers, this.ctx.responseEdits);
    // The upstream's answer as it came (before the route's response edits): what the candidate is compared with.
    if (this.capture !== undefined) this.capture.start(statusCode, headers);
    try {
      this.ctx.res.writeHead(statusCode, out);
    } catch (error) {
      // A header Node refuses to send (invalid characters): answer 502 rather than relay it.
      controller.abort(error as Error);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.discarding) return;
    this.bytes += chunk.length;
    if (!this.ctx.res.write(chunk)) {
      controller.pause();
      this.ctx.res.once('drain', this.resume);
    }
    if (this.capture !== undefined) this.capture.data(chunk);
  }

  onResponseEnd(): void {
    this.releaseSlot(this.status);
    if (this.discarding) {
      this.discarding = false;
      this.retryLater();
      return;
    }
    if (this.finished) return;
    this.ctx.res.end();
    this.finish(this.status, undefined, true);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.releaseSlot(error);
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.clearTryTimer();
    if (this.clientGone) return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED', false);
    const failure = classifyUpstreamError(error);
    const { res } = this.ctx;
    const inTime = this.deadline !== undefined;
    if (
      inTime &&
      (this.discarding || (!res.headersSent && this.canRetry() && isRetriableFailure(this.ctx.route.retry!, failure.retryOn)))
    ) {
      this.discarding = false;
      return this.retryLater();
    }
    if (res.headersSent) {
      // Mid-body: the status is already on the wire; cutting the connection is the only honest signal.
      res.destroy();
      return this.finish(this.status, failure.code, false);
    }
    // The rest of a body that was too slow will not be read: the connection cannot be reused.
    if (failure.status === 408) res.shouldKeepAlive = false;
    this.bytes = sendProblem(res, failure.status, failure.code, failure.message, this.ctx.headers.requestId);
    this.finish(failure.status, failure.code, true);
  }

  private canRetry(): boolean {
    const retry = this.ctx.route.retry;
    return (
      retry !== undefined &&
      !(this.body instanceof Readable) &&
      this.attempts <= retry.attempts &&
      !this.clientGone &&
      mayRetryMethod(retry, this.ctx.req.method)
    );
  }

  private retryLater(): void {
    this.backoff = setTimeout(onBackoffDone, retryBackoffMs(this.attempts), this);
  }

  /** The connection is undici's until it reports: only then may another request take it. The attempt's outcome goes to the cluster. */
  private releaseSlot(outcome: number | Error): void {
    if (!this.holdsSlot) return;
    this.holdsSlot = false;
    this.cluster.release(this.endpoint as Endpoint, outcome);
  }

  private clearTryTimer(): void {
    DEADLINES.clear(this.tryTimer);
    this.tryTimer = undefined;
  }

  private finish(status: number, errorCode: string | undefined, complete: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (this.queuedSince > 0) this.queuedMs += performance.now() - this.queuedSince;
    DEADLINES.clear(this.deadline);
    this.deadline = undefined;
    this.clearTryTimer();
    if (this.backoff !== undefined) clearTimeout(this.backoff);
    this.backoff = undefined;
    this.reader?.release();
    // A streamed body that never reached undici (ended while queued) must let go of the request.
    if (this.body instanceof Readable && !this.holdsSlot && !this.body.destroyed) {
      this.ctx.req.unpipe(this.body as unknown as NodeJS.WritableStream);
      this.body.destroy();
    }
    this.done({ status, errorCode, complete, bytes: this.bytes, attempts: this.attempts, queuedMs: this.queuedMs, sent: this.sent });
    // Last: the client has its whole answer before any diff runs. An answer the proxy gave itself is not the upstream's.
    if (this.capture !== undefined) this.capture.finish(complete && errorCode === undefined, errorCode);
  }
}

// Module-level timer callbacks (the exchange passed as the timer's argument): no closure per request.
function onRouteTimeout(exchange: LiveExchange): void {
  exchange.timedOut();
}

function onTryTimeout(exchange: LiveExchange): void {
  exchange.tryTimedOut();
}

function onBackoffDone(exchange: LiveExchange): void {
  exchange.retryNow();
}
