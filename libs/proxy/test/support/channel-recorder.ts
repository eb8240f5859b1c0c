import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS, type ExchangeEvent, type MirrorDroppedEvent } from '../../src';

/** Records the proxy's diagnostics_channel events; call stop() in afterAll. */
export function recordEvents() {
  const live: ExchangeEvent[] = [];
  const mirror: ExchangeEvent[] = [];
  const dropped: MirrorDroppedEvent[] = [];
  const onLive = (m: unknown) => live.push(m as ExchangeEvent);
  const onMirror = (m: unknown) => mirror.push(m as ExchangeEvent);
  const onDropped = (m: unknown) => dropped.push(m as MirrorDroppedEvent);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, onLive);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
  return {
    live,
    mirror,
    dropped,
    clear() {
      live.length = 0;
      mirror.length = 0;
      dropped.length = 0;
    },
    stop() {
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, onLive);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
      diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorDropped, onDropped);
    },
  };
}
