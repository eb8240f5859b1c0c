import diagnosticsChannel from 'node:diagnostics_channel';
import { type AccessLog } from '@mirrormesh/access-log';
import { PROXY_CHANNELS, type ExchangeEvent } from '@mirrormesh/proxy';

function entryOf(event: ExchangeEvent, extra: Record<string, string | number | boolean | undefined>) {
  return {
    time: new Date(event.startedAt),
    remoteAddress: event.remoteAddress,
    method: event.method,
    url: event.path,
    httpVersion: event.httpVersion,
    status: event.status,
    bytes: event.bytes,
    durationMs: event.durationMs,
    requestId: event.requestId,
    userAgent: event.userAgent,
    fields: { route: event.route, cluster: event.cluster, error: event.errorCode, ...extra },
  };
}

/**
 * One access-log line per live request (its cluster, status, duration, request id) and,
 * when a mirror exchange ends, one line for its outcome, joined by the request id.
 * Dropped copies are not logged one by one (under a slow mirror they come by the
 * thousand per second): mirrormesh_mirror_dropped_total counts them.
 */
export function subscribeAccessLog(log: AccessLog): () => void {
  const onLive = (message: unknown) => log.write(entryOf(message as ExchangeEvent, { mirror: false }));
  const onMirror = (message: unknown) => log.write(entryOf(message as ExchangeEvent, { mirror: true }));
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, onLive);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
  return () => {
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, onLive);
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, onMirror);
  };
}
