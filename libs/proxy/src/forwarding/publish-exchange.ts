import { type IncomingMessage } from 'node:http';
import { type Socket } from 'node:net';
import { exchangeChannel, type ExchangeEvent } from '../observability/channels';

export interface LiveExchangeFacts {
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly route: string;
  readonly cluster: string;
  readonly requestId: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly complete: boolean;
  readonly bytes: number;
  readonly attempts: number;
  readonly queuedMs: number;
  readonly sent: boolean;
  readonly startedAt: number;
  readonly t0: number;
  readonly userAgent: string | undefined;
}

/** Is anyone listening for live exchanges? Callers check it before gathering the facts. */
export function liveExchangeWanted(): boolean {
  return exchangeChannel.hasSubscribers;
}

/** Publishes one live exchange; builds the event only when someone listens. */
export function publishLiveExchange(facts: LiveExchangeFacts): void {
  if (!exchangeChannel.hasSubscribers) return;
  const { req } = facts;
  const event: ExchangeEvent = {
    proxyId: facts.proxyId,
    mirror: false,
    route: facts.route,
    cluster: facts.cluster,
    method: req.method ?? '',
    path: req.url ?? '',
    requestId: facts.requestId,
    status: facts.status,
    errorCode: facts.errorCode,
    complete: facts.complete,
    durationMs: performance.now() - facts.t0,
    queuedMs: facts.queuedMs,
    sent: facts.sent,
    startedAt: facts.startedAt,
    bytes: facts.bytes,
    attempts: facts.attempts,
    // undici drops an IncomingMessage's socket when it consumed the body and failed.
    remoteAddress: (req.socket as Socket | null)?.remoteAddress,
    httpVersion: req.httpVersion,
    userAgent: facts.userAgent,
  };
  exchangeChannel.publish(event);
}
