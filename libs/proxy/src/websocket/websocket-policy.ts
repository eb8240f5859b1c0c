import { durationToMs } from '../config/duration';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type WebSocketConfig } from '../config/websocket.schema';

/** A route's WebSocket settings as the upgrade path reads them. */
export interface WebSocketPolicy {
  readonly enabled: boolean;
  /** No byte either way for this long closes both sides. */
  readonly idleMs: number;
}

/** Shared by every route that does not set `websocket`. */
const DEFAULT_POLICY: WebSocketPolicy = {
  enabled: PROXY_DEFAULTS.websocketEnabled,
  idleMs: durationToMs(PROXY_DEFAULTS.websocketIdleTimeout),
};

export function compileWebSocketPolicy(config: WebSocketConfig | undefined): WebSocketPolicy {
  if (config === undefined) return DEFAULT_POLICY;
  return { enabled: config.enabled, idleMs: durationToMs(config.idleTimeout) };
}
