import diagnosticsChannel from 'node:diagnostics_channel';
import { type AccessLog, type AccessLogEntry } from '@mirrormesh/access-log';
import { PROXY_CHANNELS, type ExchangeEvent, type UpgradeEvent } from '@mirrormesh/proxy';

/** Built once per line with a fixed shape (no spread): this runs for every request. */
function entryOf(event: ExchangeEvent): AccessLogEntry {
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
    fields: { route: event.route, cluster: event.cluster, error: event.errorCode, mirror: event.mirror },
  };
}

/** An upgrade's line: `bytes` went to the client, `bytes_received` came from it, after the handshake. */
function upgradeEntryOf(event: UpgradeEvent): AccessLogEntry {
  return {
    time: new Date(event.startedAt),
    remoteAddress: event.remoteAddress,
    method: event.method,
    url: event.path,
    httpVersion: event.httpVersion,
    status: event.status,
    bytes: event.bytesToClient,
    durationMs: event.durationMs,
    requestId: event.requestId,
    userAgent: event.userAgent,
    fields: {
      route: event.route,
      cluster: event.cluster,
      error: event.errorCode,
      mirror: false,
      upgrade: 'websocket',
      bytes_received: event.bytesToUpstream,
      closed_by: event.closedBy,
    },
  };
}

/**
 * One access-log line per live request (its cluster, status, duration, request id) and,
 * when a mirror exchange ends, one line for its outcome, joined by the request id, and
 * one per WebSocket upgrade when its connection closes (its duration, bytes both ways).
 * Dropped copies are not logged one by one (under a slow mirror they come by the
 * thousand per second): mirrormesh_mirror_dropped_total counts them.
 */
export function subscribeAccessLog(log: AccessLog): () => void {
  // Live and mirror events have the same shape; `mirror` tells them apart in the line.
  const onExchange = (message: unknown) => log.write(entryOf(message as ExchangeEvent));
  diagnosticsChannel.subscribe(PROXY_CHANNELS.exchange, onExchange);
  diagnosticsChannel.subscribe(PROXY_CHANNELS.mirrorExchange, onExchange);
  const onUpgrade = (message: unknown) => log.write(upgradeEntryOf(message as UpgradeEvent));
  diagnosticsChannel.subscribe(PROXY_CHANNELS.upgrade, onUpgrade);
  return () => {
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.upgrade, onUpgrade);
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.exchange, onExchange);
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.mirrorExchange, onExchange);
  };
}
