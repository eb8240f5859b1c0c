import { type Readable } from 'node:stream';
import { type RequestBody } from './request-body';

/** nginx's "client closed request": recorded, never sent. */
export const CLIENT_CLOSED_STATUS = 499;

/** How a live exchange ended, for events and the access log. */
export interface LiveOutcome {
  readonly status: number;
  readonly errorCode: string | undefined;
  /** The client got a whole response (the upstream's, or one the proxy gave). */
  readonly complete: boolean;
  readonly bytes: number;
  readonly attempts: number;
  /** Time spent waiting for an upstream connection, over every attempt. */
  readonly queuedMs: number;
  readonly sent: boolean;
}

/** An exchange the proxy answered itself (a fault abort, a redirect, a local answer): no upstream tried. */
export function answeredByProxy(status: number, errorCode: string | undefined, bytes: number, complete = true): LiveOutcome {
  return { status, errorCode, complete, bytes, attempts: 0, queuedMs: 0, sent: false };
}

/** A client that left before anything was sent anywhere (during an injected delay): nginx's 499. */
export const CLIENT_GONE: LiveOutcome = answeredByProxy(CLIENT_CLOSED_STATUS, 'CLIENT_ABORTED', 0, false);

/** Turns the body, once ready, into what the live request sends (starting the mirror copy, when there is one). */
export type BodyReady = (body: RequestBody) => Buffer | Readable | null;
