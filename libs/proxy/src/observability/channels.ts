import diagnosticsChannel from 'node:diagnostics_channel';
import { type MirrorDiffSummary } from '../diff/diff-drop-reason';

/** Channel names: subscribe with `diagnostics_channel.subscribe(name, fn)`. */
export const PROXY_CHANNELS = {
  /** One live exchange ended (answered, failed or refused by the proxy itself). */
  exchange: 'mirrormesh:proxy:exchange',
  /** One mirror exchange ended (answered, failed or aborted). */
  mirrorExchange: 'mirrormesh:proxy:mirror-exchange',
  /** A mirror copy was not sent, or was cut short, for a counted reason. */
  mirrorDropped: 'mirrormesh:proxy:mirror-dropped',
  /** One WebSocket upgrade ended: refused, answered without upgrading, or its connection closed (`UpgradeEvent`). */
  upgrade: 'mirrormesh:proxy:upgrade',
} as const;

/**
 * Shared by live and mirror exchanges. A live event with cluster "" is an answer the proxy
 * gave itself (no route, refused target, closing, injected abort); route is "" too when no
 * route matched.
 */
export interface ExchangeEvent {
  /** `Proxy.id` of the proxy that published it: the channels are shared by every proxy in the process. */
  readonly proxyId: string;
  readonly mirror: boolean;
  readonly route: string;
  readonly cluster: string;
  readonly method: string;
  /** The request target as received (path and query), prefix already stripped. */
  readonly path: string;
  readonly requestId: string;
  /** The status the client got (live) or the mirror answered; 0 when it never answered. */
  readonly status: number;
  /** Set when the exchange failed: e.g. UPSTREAM_TIMEOUT, UPSTREAM_RESET, NO_ROUTE. */
  readonly errorCode: string | undefined;
  /**
   * The response was delivered whole: the upstream's to its last byte, or an answer the proxy
   * gave itself (404, 502, 504, ...). False when the exchange broke off, even after a status
   * line (reset or timed out mid-body, client gone): `status` is then only what had begun.
   */
  readonly complete: boolean;
  /**
   * Live: from arrival to the last byte sent to the client. Mirror: the candidate's own time,
   * from the copy leaving the proxy to the last byte of its answer (0 when it never left).
   */
  readonly durationMs: number;
  /** Time spent inside the proxy waiting for an upstream connection (a copy: from its creation until it left). */
  readonly queuedMs: number;
  /** The request was written to the upstream (a copy that timed out while queued or connecting was not). */
  readonly sent: boolean;
  /** Epoch milliseconds at which the request arrived. */
  readonly startedAt: number;
  /** Response body bytes sent to the client (live) or received and discarded (mirror). */
  readonly bytes: number;
  readonly attempts: number;
  readonly remoteAddress: string | undefined;
  readonly httpVersion: string;
  readonly userAgent: string | undefined;
  /** A compared copy only: the outcome of its shadow diff against the live answer. */
  readonly diff?: MirrorDiffSummary;
  /**
   * A copy sent to a compare's noise cluster (a second instance of the live version, Diffy's
   * secondary): not the candidate's traffic, so counted apart from the mirror's.
   */
  readonly noise?: true;
}

/**
 * Why a copy was not sent or was cut short: the cluster's in-flight cap, the body over
 * `mirror.maxBodyBytes`, the cluster skipped as unreachable, the proxy-wide buffer budget
 * (`limits.mirrorBufferBytes`), or a live request that ended before its copy could be made
 * (its body never arrived whole, or its client left first).
 */
export type MirrorDropReason = 'inflight_cap' | 'body_too_large' | 'unreachable' | 'buffer_budget' | 'incomplete_request';

export interface MirrorDroppedEvent {
  /** `Proxy.id` of the proxy that published it. */
  readonly proxyId: string;
  readonly route: string;
  readonly cluster: string;
  readonly reason: MirrorDropReason;
  readonly requestId: string;
}

export const exchangeChannel = diagnosticsChannel.channel(PROXY_CHANNELS.exchange);
export const mirrorExchangeChannel = diagnosticsChannel.channel(PROXY_CHANNELS.mirrorExchange);
export const mirrorDroppedChannel = diagnosticsChannel.channel(PROXY_CHANNELS.mirrorDropped);
