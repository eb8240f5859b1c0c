import { type IncomingMessage } from 'node:http';

/**
 * True for a WebSocket opening handshake (RFC 6455 §4.1: a GET whose Upgrade lists
 * "websocket"). Given to node:http as `shouldUpgradeCallback`, it is asked only about requests
 * that carry `Connection: upgrade`; any other upgrade (`h2c`, ...) stays a plain request,
 * answered normally with Upgrade stripped.
 */
export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const upgrade = req.headers.upgrade;
  if (upgrade === undefined) return false;
  for (const token of upgrade.split(',')) if (token.trim().toLowerCase() === 'websocket') return true;
  return false;
}
