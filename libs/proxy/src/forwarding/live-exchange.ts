import { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { type Readable } from 'node:stream';
import { type Dispatcher, type Pool } from 'undici';
import { ClientAbortedError, RouteTimeoutError } from '../errors';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { type ExchangeContext } from './exchange-context';
import { isRetriableFailure, isRetriableStatus, retryBackoffMs } from './retry-policy';
import { sendProblem } from './send-problem';
import { classifyUpstreamError } from './upstream-failure';
import { isHopByHopResponseHeader } from './upstream-headers';

/** nginx's "client closed request": recorded, never sent. */
export const CLIENT_CLOSED_STATUS = 499;

/**
 * undici's request timeouts tick on a coarse shared clock (up to ~1 s late), which is
 * cheap and fine for long timeouts; shorter ones get a precise timer of their own.
 */
export const PRECISE_TIMEOUT_BELOW_MS = 2000;

/** How a live exchange ended, for events and the access log. */
export interface LiveOutcome {
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly bytes: number;
  readonly attempts: number;
}

/**
 * One live request, streamed both ways through undici's dispatch API (no intermediate
 * streams): the response is written to the client as it arrives, with backpressure.
 * Retries happen only while nothing has been sent to the client and only for requests
 * without a body, which are the only ones that can be replayed byte for byte.
 */
export class LiveExchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private attempts = 0;
  private status = 0;
  private bytes = 0;
  private discarding = false;
  private finished = false;
  private clientGone = false;
  private timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private pool: Pool | undefined;
  private readonly deadline: number;

  constructor(
    private readonly ctx: ExchangeContext,
    private readonly cluster: ClusterEndpoints,
    private readonly body: Readable | null,
    private readonly done: (outcome: LiveOutcome) => void,
  ) {
    this.deadline = ctx.t0 + ctx.route.timeoutMs;
  }

  start(): void {
    // The client may have left during a fault delay: its 'close' has already fired.
    if (this.ctx.res.destroyed) {
      this.clientGone = true;
      return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED');
    }
    this.ctx.res.once('close', this.onClientClose);
    this.dispatch();
  }

  private readonly onClientClose = (): void => {
    if (this.finished || this.ctx.res.writableFinished) return;
    this.clientGone = true;
    this.controller?.abort(new ClientAbortedError());
  };

  private readonly resume = (): void => this.controller?.resume();

  private readonly onTimeout = (timeoutMs: number): void => {
    this.timer = undefined;
    this.timedOut = true;
    this.controller?.abort(new RouteTimeoutError(timeoutMs));
  };

  private clearTimer(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private dispatch(): void {
    const remaining = this.deadline - performance.now();
    if (remaining <= 0) return this.fail(new RouteTimeoutError(this.ctx.route.timeoutMs));
    this.attempts += 1;
    const perTry = this.ctx.route.retry?.perTryTimeoutMs;
    const timeout = Math.ceil(perTry === undefined ? remaining : Math.min(perTry, remaining));
    const { req } = this.ctx;
    this.timedOut = false;
    if (timeout < PRECISE_TIMEOUT_BELOW_MS) this.timer = setTimeout(this.onTimeout, timeout, timeout);
    this.pool = this.cluster.nextExcept(this.pool);
    this.pool.dispatch(
      {
        path: req.url as string,
        method: req.method as Dispatcher.HttpMethod,
        headers: this.ctx.headers.list,
        body: this.body,
        headersTimeout: timeout,
        bodyTimeout: this.ctx.route.timeoutMs,
      },
      this,
    );
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.clientGone) controller.abort(new ClientAbortedError());
    // Also catches a request that waited in the pool's queue past the route deadline.
    else if (this.timedOut || performance.now() > this.deadline) controller.abort(new RouteTimeoutError(this.ctx.route.timeoutMs));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.clearTimer();
    this.status = statusCode;
    if (this.canRetry() && isRetriableStatus(this.ctx.route.retry!, statusCode)) {
      this.discarding = true;
      return;
    }
    const out: OutgoingHttpHeaders = {};
    for (const name in headers) if (!isHopByHopResponseHeader(name)) out[name] = headers[name];
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
  }

  onResponseEnd(): void {
    if (this.discarding) {
      this.discarding = false;
      this.retryLater();
      return;
    }
    this.ctx.res.end();
    this.finish(this.status, undefined);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.clearTimer();
    if (this.clientGone) return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED');
    const failure = classifyUpstreamError(error);
    if (this.discarding || (!this.ctx.res.headersSent && this.canRetry() && isRetriableFailure(this.ctx.route.retry!, failure.retryOn))) {
      this.discarding = false;
      return this.retryLater();
    }
    if (this.ctx.res.headersSent) {
      // Mid-body: the status is already on the wire; cutting the connection is the only honest signal.
      this.ctx.res.destroy();
      return this.finish(this.status, failure.code);
    }
    this.bytes = sendProblem(this.ctx.res, failure.status, failure.code, failure.message, this.ctx.headers.requestId);
    this.finish(failure.status, failure.code);
  }

  private canRetry(): boolean {
    const retry = this.ctx.route.retry;
    return retry !== undefined && this.body === null && this.attempts <= retry.attempts && !this.clientGone;
  }

  private retryLater(): void {
    setTimeout(() => {
      if (this.clientGone) return this.finish(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED');
      this.dispatch();
    }, retryBackoffMs(this.attempts));
  }

  private finish(status: number, errorCode: string | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.done({ status, errorCode, bytes: this.bytes, attempts: this.attempts });
  }
}
