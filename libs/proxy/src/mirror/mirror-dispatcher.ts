import { type Socket } from 'node:net';
import { type CompiledMirror } from './compile-mirror';
import { type ExchangeContext } from '../forwarding/exchange-context';
import { type RequestBody } from '../forwarding/request-body';
import { type ByteBudget } from '../limits/byte-budget';
import {
  mirrorDroppedChannel,
  mirrorExchangeChannel,
  type ExchangeEvent,
  type MirrorDropReason,
  type MirrorDroppedEvent,
} from '../observability/channels';
import { type AnswerCapture } from '../diff/answer-capture';
import { type DiffDropReason } from '../diff/diff-drop-reason';
import { type CandidateSlot, type ComparedMirror, type PendingComparison } from '../diff/pending-comparison';
import { copyBody, type CopyBody } from './copy-body';
import { MirrorExchange, type MirrorOutcome } from './mirror-exchange';
import { type MirrorBreaker } from './mirror-breaker';
import { buildMirrorHeaders } from './mirror-headers';
import { type MirrorInflight } from './mirror-inflight';

/**
 * Which of a route's mirrors get a copy of this request, as a bit mask (bit i = mirrors[i]):
 * each by its method filter, then its own percentage drawn on its own. A number, not an
 * array, so selecting allocates nothing however many mirrors a route has (at most
 * MAX_MIRRORS_PER_ROUTE, well within 31 bits).
 */
export function selectMirrors(mirrors: readonly CompiledMirror[], method: string): number {
  let selected = 0;
  for (let i = 0; i < mirrors.length; i += 1) if (isMirrorSelected(mirrors[i] as CompiledMirror, method)) selected |= 1 << i;
  return selected;
}

function isMirrorSelected(mirror: CompiledMirror, method: string): boolean {
  if (mirror.methods !== undefined && !mirror.methods.has(method)) return false;
  return mirror.percentage >= 100 || (mirror.percentage > 0 && Math.random() * 100 < mirror.percentage);
}

/**
 * Starts a copy to each selected mirror once the body is ready to go upstream. Each copy is
 * its own exchange with its own bounds: one dropped, slow or dead never touches another.
 */
export function startMirrors(
  ctx: ExchangeContext,
  mirrors: readonly CompiledMirror[],
  selected: number,
  bounds: MirrorBounds,
  read: RequestBody,
  comparison?: PendingComparison | DiffDropReason,
): void {
  for (let i = 0; i < mirrors.length; i += 1)
    if ((selected & (1 << i)) !== 0) startMirror(ctx, mirrors[i] as CompiledMirror, bounds, read, comparison);
}

/** The copy's place in its request's comparison: where its answer is captured and its event held. */
interface CopyDiff {
  readonly comparison: PendingComparison;
  readonly capture: AnswerCapture;
  /** Set for a candidate's copy (its event waits for the diff); undefined for a noise copy. */
  readonly slot: CandidateSlot | undefined;
}

/** What a copy's event needs of its live request: taken at once, so a waiting copy holds no request or response. */
interface CopyFacts {
  readonly proxyId: string;
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  readonly startedAt: number;
  readonly remoteAddress: string | undefined;
  readonly httpVersion: string;
  readonly userAgent: string | undefined;
  /** Set for a compared copy: its answer is captured and its event waits for the diff. */
  readonly diff: CopyDiff | undefined;
  /** Why a compared copy is not compared (the pending caps): carried by its event. */
  readonly skipped: DiffDropReason | undefined;
}

/** Proxy-wide state shared by every copy: in-flight counts, the unreachable breaker, the buffer budget. */
export interface MirrorBounds {
  readonly inflight: MirrorInflight;
  readonly breaker: MirrorBreaker;
  readonly buffer: ByteBudget;
}

/** Error codes of a copy's own body, and the drop reason each one counts as. */
const BODY_DROP_REASONS: Readonly<Record<string, MirrorDropReason>> = {
  ERR_MIRROR_BODY_TOO_LARGE: 'body_too_large',
  ERR_MIRROR_BUFFER_BUDGET: 'buffer_budget',
  ERR_CLIENT_ABORTED: 'incomplete_request',
};

/**
 * Starts one copy. Every way a copy is not sent, or is cut short by its own body, is counted
 * with its reason; every other copy ends as one mirror exchange event (answered, failed or
 * timed out).
 */
function startMirror(
  ctx: ExchangeContext,
  mirror: CompiledMirror,
  bounds: MirrorBounds,
  read: RequestBody,
  comparison: PendingComparison | DiffDropReason | undefined,
): void {
  const compare = mirror.compare;
  if (compare === undefined || comparison === undefined) return makeCopy(ctx, mirror, bounds, read, undefined, undefined);
  if (typeof comparison === 'string') return makeCopy(ctx, mirror, bounds, read, undefined, comparison);
  const slot = comparison.addCandidate(mirror as ComparedMirror);
  makeCopy(ctx, mirror, bounds, read, { comparison, capture: slot.candidate, slot }, undefined);
  const noise = compare.noise;
  if (noise !== undefined && (noise.percentage >= 100 || (noise.percentage > 0 && Math.random() * 100 < noise.percentage)))
    makeCopy(ctx, noise.mirror, bounds, read, { comparison, capture: comparison.addNoise(slot), slot: undefined }, undefined);
}

/** Makes one copy (a mirror's, or a noise copy); `skipped` is why a compared copy is not compared. */
function makeCopy(
  ctx: ExchangeContext,
  mirror: CompiledMirror,
  bounds: MirrorBounds,
  read: RequestBody,
  diff: CopyDiff | undefined,
  skipped: DiffDropReason | undefined,
): void {
  // No closure may be created here: V8 gives all closures of one call a shared context, so
  // one that names `ctx` would keep the live request and response alive as long as the copy.
  const { req, headers } = ctx;
  const clusterName = mirror.cluster.name;
  let reason: MirrorDropReason | undefined;
  if (headers.contentLength !== undefined && headers.contentLength > mirror.maxBodyBytes) reason = 'body_too_large';
  else if (bounds.breaker.isOpen(clusterName)) reason = 'unreachable';
  else if (!bounds.inflight.tryAcquire(clusterName, mirror.maxInflight)) reason = 'inflight_cap';
  if (reason !== undefined) {
    diff?.comparison.notMade(diff.capture);
    return dropped(ctx.proxyId, ctx.route.name, clusterName, reason, headers.requestId);
  }
  const body = copyBody(req, read, mirror.maxBodyBytes, bounds.buffer);
  if (typeof body === 'string') {
    bounds.inflight.release(clusterName);
    diff?.comparison.notMade(diff.capture);
    return dropped(ctx.proxyId, ctx.route.name, clusterName, body, headers.requestId);
  }
  const facts: CopyFacts = {
    proxyId: ctx.proxyId,
    route: ctx.route.name,
    method: req.method as string,
    path: req.url as string,
    requestId: headers.requestId,
    startedAt: Date.now(),
    remoteAddress: (req.socket as Socket | null)?.remoteAddress,
    httpVersion: req.httpVersion,
    userAgent: headers.userAgent,
    diff,
    skipped,
  };
  const request = { path: facts.path, method: facts.method, headers: buildMirrorHeaders(headers.list, mirror), body: body.body };
  new MirrorExchange(mirror, request, copyEnded(facts, clusterName, body, bounds), diff?.capture).submit();
}

/** What a copy does when it ends: gives back what it held, then counts it. Holds only the copy's own facts. */
function copyEnded(facts: CopyFacts, clusterName: string, body: CopyBody, bounds: MirrorBounds): (outcome: MirrorOutcome) => void {
  return (outcome) => {
    body.release();
    bounds.inflight.release(clusterName);
    bounds.breaker.record(clusterName, outcome.connectFailure);
    const reason = outcome.bodyErrorCode === undefined ? undefined : BODY_DROP_REASONS[outcome.bodyErrorCode];
    // A copy cut short by its own body is a drop, not an exchange (its capture has failed with it).
    if (reason !== undefined) dropped(facts.proxyId, facts.route, clusterName, reason, facts.requestId);
    else publishMirror(facts, clusterName, outcome);
  };
}

/**
 * Counts, once per selected mirror, a request whose copies were never made: it ended first
 * (its body never arrived whole, its client left).
 */
export function mirrorsNotMade(ctx: ExchangeContext, mirrors: readonly CompiledMirror[], selected: number): void {
  for (let i = 0; i < mirrors.length; i += 1)
    if ((selected & (1 << i)) !== 0)
      dropped(ctx.proxyId, ctx.route.name, (mirrors[i] as CompiledMirror).cluster.name, 'incomplete_request', ctx.headers.requestId);
}

function dropped(proxyId: string, route: string, cluster: string, reason: MirrorDropReason, requestId: string): void {
  if (!mirrorDroppedChannel.hasSubscribers) return;
  const event: MirrorDroppedEvent = { proxyId, route, cluster, reason, requestId };
  mirrorDroppedChannel.publish(event);
}

function publishMirror(facts: CopyFacts, cluster: string, outcome: MirrorOutcome): void {
  if (!mirrorExchangeChannel.hasSubscribers) return;
  const slot = facts.diff?.slot;
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
    complete: outcome.complete,
    durationMs: outcome.durationMs,
    queuedMs: outcome.queuedMs,
    sent: outcome.sent,
    startedAt: facts.startedAt,
    bytes: outcome.bytes,
    attempts: 1,
    remoteAddress: facts.remoteAddress,
    httpVersion: facts.httpVersion,
    userAgent: facts.userAgent,
    // Plain properties, not spreads: every copy builds this object.
    diff: facts.skipped === undefined ? undefined : { result: 'skipped', reason: facts.skipped },
    noise: facts.diff !== undefined && slot === undefined ? true : undefined,
  };
  if (slot !== undefined) facts.diff?.comparison.holdEvent(slot, event);
  else mirrorExchangeChannel.publish(event);
}
