import { type Readable } from 'node:stream';
import { type Dispatcher } from 'undici';
import { type CompiledMirror } from '../config/compiled-config';
import { MirrorTimeoutError } from '../errors';
import { classifyUpstreamError } from '../forwarding/upstream-failure';

export interface MirrorOutcome {
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly bytes: number;
  /** The copy was cut because the body passed mirror.maxBodyBytes. */
  readonly bodyTooLarge: boolean;
  /** The mirror could not be connected to (refused, unresolved, connect timeout). */
  readonly connectFailure: boolean;
}

/**
 * One fire-and-forget mirror request. Nothing here can reach the live response: the
 * handler owns no reference to it. The mirror's answer is read and discarded (so its
 * keep-alive connection stays reusable) and only its status and size are kept.
 */
export class MirrorExchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private bytes = 0;
  private ended = false;
  private queuedAt = 0;

  constructor(
    private readonly mirror: CompiledMirror,
    private readonly done: (outcome: MirrorOutcome) => void,
  ) {}

  start(path: string, method: string, headers: string[], body: Readable | null): void {
    this.queuedAt = performance.now();
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

  /**
   * A copy that waited in the pool's queue (a slow mirror, all connections busy) past
   * its timeout is not sent at all: mirror.timeout bounds the whole copy, queue included.
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
    this.end({ status: this.status, errorCode: undefined, bytes: this.bytes, bodyTooLarge: false, connectFailure: false });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const tooLarge = (error as { code?: unknown }).code === 'ERR_MIRROR_BODY_TOO_LARGE';
    const failure = classifyUpstreamError(error);
    this.end({
      status: this.status,
      errorCode: tooLarge ? 'MIRROR_BODY_TOO_LARGE' : failure.code,
      bytes: this.bytes,
      bodyTooLarge: tooLarge,
      connectFailure: failure.retryOn === 'connect-failure',
    });
  }

  private end(outcome: MirrorOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.done(outcome);
  }
}
