import { type Socket } from 'node:net';
import { type Readable } from 'node:stream';
import { type CompiledMirror } from '../config/compiled-config';
import { type ExchangeContext } from '../forwarding/exchange-context';
import {
  mirrorDroppedChannel,
  mirrorExchangeChannel,
  type ExchangeEvent,
  type MirrorDropReason,
  type MirrorDroppedEvent,
} from '../observability/channels';
import { teeRequestBody } from './body-tee';
import { MirrorExchange, type MirrorOutcome } from './mirror-exchange';
import { type MirrorBreaker } from './mirror-breaker';
import { buildMirrorHeaders } from './mirror-headers';
import { type MirrorInflight } from './mirror-inflight';
import { type MirrorQueue } from './mirror-queue';

/** Is this request selected for mirroring (method filter, then mirrorPercentage)? */
export function isMirrorSelected(mirror: CompiledMirror, method: string): boolean {
  if (mirror.methods !== undefined && !mirror.methods.has(method)) return false;
  return mirror.percentage >= 100 || (mirror.percentage > 0 && Math.random() * 100 < mirror.percentage);
}

/** What a copy's event needs of its live request: taken at once, so a waiting copy holds no request or response. */
interface CopyFacts {
  readonly proxyId: string;
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  readonly startedAt: number;
  readonly t0: number;
  readonly remoteAddress: string | undefined;
  readonly httpVersion: string;
  readonly userAgent: string | undefined;
}

/** Per-cluster state shared by every copy: in-flight counts, the unreachable breaker, the wait queue. */
export interface MirrorBounds {
  readonly inflight: MirrorInflight;
  readonly breaker: MirrorBreaker;
  readonly queue: MirrorQueue;
}

/**
 * Starts the mirror copy of a selected request and returns the body the live request
 * must send: the request itself, a teed stream, or null for bodiless requests.
 * Every way a copy is not sent is counted, with its reason.
 */
export function startMirror(ctx: ExchangeContext, mirror: CompiledMirror, bounds: MirrorBounds): Readable | null {
  const { req, headers } = ctx;
  const liveBody = headers.hasBody ? req : null;
  const clusterName = mirror.cluster.name;
  if (headers.contentLength !== undefined && headers.contentLength > mirror.maxBodyBytes) {
    dropped(ctx.proxyId, ctx.route.name, clusterName, 'body_too_large', headers.requestId);
    return liveBody;
  }
  if (bounds.breaker.isOpen(clusterName)) {
    dropped(ctx.proxyId, ctx.route.name, clusterName, 'unreachable', headers.requestId);
    return liveBody;
  }
  if (!bounds.inflight.tryAcquire(clusterName, mirror.maxInflight)) {
    dropped(ctx.proxyId, ctx.route.name, clusterName, 'inflight_cap', headers.requestId);
    return liveBody;
  }
  const facts: CopyFacts = {
    proxyId: ctx.proxyId,
    route: ctx.route.name,
    method: req.method as string,
    path: req.url as string,
    requestId: headers.requestId,
    startedAt: ctx.startedAt,
    t0: ctx.t0,
    remoteAddress: (req.socket as Socket | null)?.remoteAddress,
    httpVersion: req.httpVersion,
    userAgent: headers.userAgent,
  };
  const tee = liveBody === null ? undefined : teeRequestBody(req, mirror.maxBodyBytes);
  const request = { path: facts.path, method: facts.method, headers: buildMirrorHeaders(headers.list, mirror), body: tee?.copy ?? null };
  const exchange = new MirrorExchange(mirror, request, (outcome) => {
    bounds.inflight.release(clusterName);
    bounds.breaker.record(clusterName, outcome.connectFailure);
    if (outcome.bodyTooLarge) dropped(facts.proxyId, facts.route, clusterName, 'body_too_large', facts.requestId);
    else publishMirror(facts, clusterName, outcome);
    // Last, so that the copies it lets start (or expire) report after this one.
    if (outcome.dispatched) bounds.queue.release(clusterName);
  });
  bounds.queue.submit(clusterName, mirror.cluster.capacity, exchange);
  return tee === undefined ? null : tee.live;
}

function dropped(proxyId: string, route: string, cluster: string, reason: MirrorDropReason, requestId: string): void {
  if (!mirrorDroppedChannel.hasSubscribers) return;
  const event: MirrorDroppedEvent = { proxyId, route, cluster, reason, requestId };
  mirrorDroppedChannel.publish(event);
}

function publishMirror(facts: CopyFacts, cluster: string, outcome: MirrorOutcome): void {
  if (!mirrorExchangeChannel.hasSubscribers) return;
  const event: ExchangeEvent = {
    proxyId: facts.proxyId,
    mirror: true,
    route: facts.route,
    cluster,
    method: facts.method,
    path: facts.path,
    requestId: facts.requestId,
    status: outcome.status,
    errorCode: outcome.errorCode,
    durationMs: performance.now() - facts.t0,
    startedAt: facts.startedAt,
    bytes: outcome.bytes,
    attempts: 1,
    remoteAddress: facts.remoteAddress,
    httpVersion: facts.httpVersion,
    userAgent: facts.userAgent,
  };
  mirrorExchangeChannel.publish(event);
}
