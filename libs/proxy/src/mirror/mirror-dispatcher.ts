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

/** Is this request selected for mirroring (method filter, then mirrorPercentage)? */
export function isMirrorSelected(mirror: CompiledMirror, method: string): boolean {
  if (mirror.methods !== undefined && !mirror.methods.has(method)) return false;
  return mirror.percentage >= 100 || (mirror.percentage > 0 && Math.random() * 100 < mirror.percentage);
}

/**
 * Starts the mirror copy of a selected request and returns the body the live request
 * must send: the request itself, a teed stream, or null for bodiless requests.
 * Every way a copy is not sent is counted, with its reason.
 */
export function startMirror(
  ctx: ExchangeContext,
  mirror: CompiledMirror,
  inflight: MirrorInflight,
  breaker: MirrorBreaker,
): Readable | null {
  const { req, headers } = ctx;
  const liveBody = headers.hasBody ? req : null;
  const clusterName = mirror.cluster.name;
  if (headers.contentLength !== undefined && headers.contentLength > mirror.maxBodyBytes) {
    dropped(ctx, clusterName, 'body_too_large');
    return liveBody;
  }
  if (breaker.isOpen(clusterName)) {
    dropped(ctx, clusterName, 'unreachable');
    return liveBody;
  }
  if (!inflight.tryAcquire(clusterName, mirror.maxInflight)) {
    dropped(ctx, clusterName, 'inflight_cap');
    return liveBody;
  }
  const method = req.method as string;
  const path = req.url as string;
  const exchange = new MirrorExchange(mirror, (outcome) => {
    inflight.release(clusterName);
    breaker.record(clusterName, outcome.connectFailure);
    if (outcome.bodyTooLarge) dropped(ctx, clusterName, 'body_too_large');
    else publishMirror(ctx, clusterName, method, path, outcome);
  });
  const mirrorHeaders = buildMirrorHeaders(headers.list, mirror);
  if (liveBody === null) {
    exchange.start(path, method, mirrorHeaders, null);
    return null;
  }
  const tee = teeRequestBody(req, mirror.maxBodyBytes);
  exchange.start(path, method, mirrorHeaders, tee.copy);
  return tee.live;
}

function dropped(ctx: ExchangeContext, cluster: string, reason: MirrorDropReason): void {
  if (!mirrorDroppedChannel.hasSubscribers) return;
  const event: MirrorDroppedEvent = { proxyId: ctx.proxyId, route: ctx.route.name, cluster, reason, requestId: ctx.headers.requestId };
  mirrorDroppedChannel.publish(event);
}

function publishMirror(ctx: ExchangeContext, cluster: string, method: string, path: string, outcome: MirrorOutcome): void {
  if (!mirrorExchangeChannel.hasSubscribers) return;
  const event: ExchangeEvent = {
    proxyId: ctx.proxyId,
    mirror: true,
    route: ctx.route.name,
    cluster,
    method,
    path,
    requestId: ctx.headers.requestId,
    status: outcome.status,
    errorCode: outcome.errorCode,
    durationMs: performance.now() - ctx.t0,
    startedAt: ctx.startedAt,
    bytes: outcome.bytes,
    attempts: 1,
    remoteAddress: (ctx.req.socket as Socket | null)?.remoteAddress,
    httpVersion: ctx.req.httpVersion,
    userAgent: ctx.headers.userAgent,
  };
  mirrorExchangeChannel.publish(event);
}
