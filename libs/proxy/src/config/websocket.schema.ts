import { s, type Infer } from '@mirrormesh/schema';
import { durationToMs } from './duration';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { duration } from './schema-primitives';

/** The longest idle timeout accepted: a forgotten connection must still end some day. */
const MAX_IDLE_TIMEOUT_MS = 24 * 3_600_000;

/**
 * WebSocket (HTTP/1.1 Upgrade) on one route. Istio lets WebSocket through by default, so
 * `enabled` defaults to true (Envoy's `upgrade_configs[].enabled`); `idleTimeout` is Envoy's
 * stream idle timeout for the upgraded connection, whose default (5 min) it keeps.
 */
export const websocketSchema = s.object({
  enabled: s.boolean().default(PROXY_DEFAULTS.websocketEnabled),
  idleTimeout: duration
    .refine((d) => {
      const ms = durationToMs(d);
      return ms >= 1 && ms <= MAX_IDLE_TIMEOUT_MS ? undefined : 'must be between "1ms" and "24h"';
    })
    .describe('Between "1ms" and "24h".')
    .default(PROXY_DEFAULTS.websocketIdleTimeout),
});

export type WebSocketConfig = Infer<typeof websocketSchema>;
