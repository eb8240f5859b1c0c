import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS } from '../observability/channels';

/** Who ended an upgraded connection first. */
export type UpgradeCloseCause = 'client' | 'upstream' | 'idle_timeout' | 'proxy_closing';

export interface UpgradeEvent {
  /** `Proxy.id` of the proxy that published it. */
  readonly proxyId: string;
  /** "" when no route matched; cluster "" when the proxy answered itself. */
  readonly route: string;
  readonly cluster: string;
  readonly method: string;
  /** The request target as forwarded (normalised path, query as received). */
  readonly path: string;
  readonly requestId: string;
  /**
   * What the client got: 101 once upgraded, the upstream's answer when it did not upgrade, the
   * proxy's own (404, 403, 502, 503, 504, an injected abort); 0 when the client left first.
   */
  readonly status: number;
  /** Set when the proxy answered or the handshake failed: NO_ROUTE, UPSTREAM_REFUSED, CLIENT_ABORTED, ... */
  readonly errorCode: string | undefined;
  /** Set for an upgraded connection: which side ended it first. */
  readonly closedBy: UpgradeCloseCause | undefined;
  /** From arrival to the end of the connection (or of the answer). */
  readonly durationMs: number;
  readonly startedAt: number;
  /** Bytes relayed after the handshake: client → upstream, upstream → client (an answer's body when not upgraded). */
  readonly bytesToUpstream: number;
  readonly bytesToClient: number;
  readonly remoteAddress: string | undefined;
  readonly httpVersion: string;
  readonly userAgent: string | undefined;
}

/** What `PROXY_CHANNELS.upgrade` carries: one upgrade request ended. */
export const upgradeChannel = diagnosticsChannel.channel(PROXY_CHANNELS.upgrade);

/** The `result` label of an upgrade: the status the client got, else the lower-case error code. */
export function upgradeResultOf(event: Pick<UpgradeEvent, 'status' | 'errorCode'>): string {
  return event.status > 0 ? String(event.status) : (event.errorCode ?? 'unknown').toLowerCase();
}
