import { type IncomingMessage } from 'node:http';
import { type Socket } from 'node:net';
import { exchangeChannel, type ExchangeEvent } from '../observability/channels';
import { type LiveOutcome } from './live-outcome';

/** Where a live exchange came from: an exchange context has all of it. */
export interface LiveExchangeOrigin {
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly startedAt: number;
  readonly t0: number;
}

/** Is anyone listening for live exchanges? Callers check it before gathering the facts. */
export function liveExchangeWanted(): boolean {
  return exchangeChannel.hasSubscribers;
}

/**
 * Publishes one live exchange, building its event straight from the exchange's origin and
 * outcome (no intermediate object: this runs for every request), and only when someone listens.
 */
export function publishLiveExchange(
  origin: LiveExchangeOrigin,
  route: string,
  cluster: string,
  requestId: string,
  userAgent: string | undefined,
  outcome: LiveOutcome,
): void {
  if (!exchangeChannel.hasSubscribers) return;
  const { req } = origin;
  const event: ExchangeEvent = {
    proxyId: origin.proxyId,
    mirror: false,
    route,
    cluster,
    method: req.method ?? '',
    path: req.url ?? '',
    requestId,
    status: outcome.status,
    errorCode: outcome.errorCode,
    complete: outcome.complete,
    durationMs: performance.now() - origin.t0,
    queuedMs: outcome.queuedMs,
    sent: outcome.sent,
    startedAt: origin.startedAt,
    bytes: outcome.bytes,
    attempts: outcome.attempts,
    // undici drops an IncomingMessage's socket when it consumed the body and failed.
    remoteAddress: (req.socket as Socket | null)?.remoteAddress,
    httpVersion: req.httpVersion,
    userAgent,
  };
  exchangeChannel.publish(event);
}
