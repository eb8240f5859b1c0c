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

/** Turns the body, once ready, into what the live request sends (starting the mirror copy, when there is one). */
export type BodyReady = (body: RequestBody) => Buffer | Readable | null;
