import { sumBy, type PromSample } from './prometheus-text';

/**
 * Every reason the proxy counts a dropped copy by (`MirrorDropReason` of @mirrormesh/proxy):
 * `buffer_budget` (the proxy-wide budget for read-ahead request bodies) and `incomplete_request`
 * (the client's request ended before its body did) came with the read-ahead bodies. A reason
 * not listed here is a change the accounting contract has not caught up with.
 */
export const MIRROR_DROP_REASONS: ReadonlySet<string> = new Set([
  'inflight_cap',
  'body_too_large',
  'unreachable',
  'buffer_budget',
  'incomplete_request',
]);

/** Drop reasons in a reading that the contract does not know. */
export function unknownDropReasons(a: MirrorAccounting): string[] {
  return Object.keys(a.droppedByReason).filter((reason) => !MIRROR_DROP_REASONS.has(reason));
}

/** Mirror codes that mean the copy ran out of time (the mirror timeout, or connecting). */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set(['upstream_timeout', 'upstream_connect_timeout']);

export type MirrorCodeClass = 'answered' | 'failed' | 'timedOut';

/**
 * The accounting contract's code rule: an HTTP status is a completed exchange (answered, 5xx
 * included: the mirror did answer); a lowercase error code is a failure, and the timeout codes
 * a timeout. Anything else (an empty or unknown label) is a failure, never silently answered.
 */
export function classifyMirrorCode(code: string): MirrorCodeClass {
  if (/^[1-5]\d\d$/.test(code)) return 'answered';
  return TIMEOUT_CODES.has(code) ? 'timedOut' : 'failed';
}

/** Where every live request of a mirrored route went, from the sidecar's own metrics. */
export interface MirrorAccounting {
  /** Live requests of the route that reached a cluster (the proxy's own answers, cluster "", excluded). */
  readonly live: number;
  readonly liveByCode: Readonly<Record<string, number>>;
  /** Mirror copies that ended, by code, and by class. */
  readonly mirrorByCode: Readonly<Record<string, number>>;
  readonly answered: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly droppedByReason: Readonly<Record<string, number>>;
  readonly dropped: number;
  /** The mirror cluster's in-flight gauge (exact for the route when no other route mirrors to the cluster). */
  readonly inflight: number;
  /** live − (answered + failed + timedOut + dropped + inflight): 0 when every request is accounted for. */
  readonly unaccounted: number;
}

const total = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

/**
 * live = Σ mirror_requests_total(route) + Σ mirror_dropped_total(route) + in-flight(mirror cluster),
 * for a route mirrored at 100 %: every live request is a copy that ended, was dropped, or is still
 * in flight.
 */
export function accountMirror(samples: readonly PromSample[], route: string, mirrorCluster: string): MirrorAccounting {
  const liveByCode = sumBy(samples, 'mirrormesh_requests_total', 'code', (l) => l.route === route && l.cluster !== '');
  const mirrorByCode = sumBy(samples, 'mirrormesh_mirror_requests_total', 'code', (l) => l.route === route);
  const droppedByReason = sumBy(samples, 'mirrormesh_mirror_dropped_total', 'reason', (l) => l.route === route);
  const inflight = sumBy(samples, 'mirrormesh_mirror_inflight', 'cluster', (l) => l.cluster === mirrorCluster)[mirrorCluster] ?? 0;
  const byClass = { answered: 0, failed: 0, timedOut: 0 };
  for (const [code, count] of Object.entries(mirrorByCode)) byClass[classifyMirrorCode(code)] += count;
  const live = total(liveByCode);
  const dropped = total(droppedByReason);
  return {
    live,
    liveByCode,
    mirrorByCode,
    ...byClass,
    droppedByReason,
    dropped,
    inflight,
    unaccounted: live - (byClass.answered + byClass.failed + byClass.timedOut + dropped + inflight),
  };
}

function minus(after: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const delta = (after[key] ?? 0) - (before[key] ?? 0);
    if (delta !== 0) out[key] = delta;
  }
  return out;
}

/** What happened between two readings (a phase of a scenario): counters subtracted, the gauge too. */
export function accountingBetween(before: MirrorAccounting, after: MirrorAccounting): MirrorAccounting {
  return {
    live: after.live - before.live,
    liveByCode: minus(after.liveByCode, before.liveByCode),
    mirrorByCode: minus(after.mirrorByCode, before.mirrorByCode),
    answered: after.answered - before.answered,
    failed: after.failed - before.failed,
    timedOut: after.timedOut - before.timedOut,
    droppedByReason: minus(after.droppedByReason, before.droppedByReason),
    dropped: after.dropped - before.dropped,
    inflight: after.inflight - before.inflight,
    unaccounted: after.unaccounted - before.unaccounted,
  };
}

/** One line of figures: `mirror answered 812 failed 0 timed-out 2188 dropped 0 (…) in-flight 0`. */
export function formatAccounting(a: MirrorAccounting): string {
  const reasons = Object.entries(a.droppedByReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  return `mirror answered ${a.answered} failed ${a.failed} timed-out ${a.timedOut} dropped ${a.dropped}${reasons === '' ? '' : ` (${reasons})`} in-flight ${a.inflight}`;
}
