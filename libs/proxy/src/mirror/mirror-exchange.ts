import { type Readable } from 'node:stream';
import { type Dispatcher } from 'undici';
import { type CompiledMirror } from '../config/compiled-config';
import { MirrorTimeoutError } from '../errors';
import { classifyUpstreamError } from '../forwarding/upstream-failure';
import { type QueuedCopy } from './mirror-queue';

export interface MirrorOutcome {
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly bytes: number;
  /** The copy was cut because the body passed mirror.maxBodyBytes. */
  readonly bodyTooLarge: boolean;
  /** The mirror could not be connected to (refused, unresolved, connect timeout). */
  readonly connectFailure: boolean;
  /** The copy was handed to undici (it held a place among the cluster's connections). */
  readonly dispatched: boolean;
}

/** The request a copy sends. */
export interface MirrorRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: string[];
  readonly body: Readable | null;
}

/**
 * One fire-and-forget mirror request. Nothing here can reach the live response: the
 * handler owns no reference to it. The mirror's answer is read and discarded (so its
 * keep-alive connection stays reusable) and only its status and size are kept.
 */
export class MirrorExchange implements Dispatcher.DispatchHandler, QueuedCopy {
  readonly queuedAt = performance.now();
  private status = 0;
  private bytes = 0;
  private dispatched = false;
  private done: ((outcome: MirrorOutcome) => void) | undefined;

  constructor(
    private readonly mirror: CompiledMirror,
    private readonly request: MirrorRequest,
    done: (outcome: MirrorOutcome) => void,
  ) {
    this.done = done;
    // While it waits in the MirrorQueue nobody else listens: a body that fails then (too
    // large, client gone) ends the copy here instead of becoming an unhandled 'error'.
    request.body?.on('error', this.onBodyError);
  }

  get timeoutMs(): number {
    return this.mirror.timeoutMs;
  }

  get ended(): boolean {
    return this.done === undefined;
  }

  start(): void {
    this.dispatched = true;
    const { path, method, headers, body } = this.request;
    try {
      this.mirror.cluster.next().dispatch(
        {
          path,
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          headersTimeout: this.mirror.timeoutMs,
          bodyTimeout: this.mirror.timeoutMs,
        },
        this,
      );
    } catch (error) {
      this.onResponseError(undefined, error as Error);
    }
  }

  expire(): void {
    this.request.body?.destroy();
    this.fail(new MirrorTimeoutError(this.mirror.timeoutMs));
  }

  private readonly onBodyError = (error: Error): void => {
    if (!this.dispatched) this.fail(error);
  };

  /**
   * Only when undici queued the copy itself (the mirror's pool also serves live traffic,
   * or its size changed on reload): one that waited past its timeout is still not sent.
   */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (performance.now() - this.queuedAt > this.mirror.timeoutMs) controller.abort(new MirrorTimeoutError(this.mirror.timeoutMs));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    if (statusCode >= 200) this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
  }

  onResponseEnd(): void {
    this.end({ status: this.status, errorCode: undefined, bytes: this.bytes, bodyTooLarge: false, connectFailure: false, dispatched: true });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    const tooLarge = (error as { code?: unknown }).code === 'ERR_MIRROR_BODY_TOO_LARGE';
    const failure = classifyUpstreamError(error);
    this.end({
      status: this.status,
      errorCode: tooLarge ? 'MIRROR_BODY_TOO_LARGE' : failure.code,
      bytes: this.bytes,
      bodyTooLarge: tooLarge,
      connectFailure: failure.retryOn === 'connect-failure',
      dispatched: this.dispatched,
    });
  }

  private end(outcome: MirrorOutcome): void {
    const done = this.done;
    if (done === undefined) return;
    // Dropping the callback also lets go of what it holds as soon as the copy ends.
    this.done = undefined;
    done(outcome);
  }
}
