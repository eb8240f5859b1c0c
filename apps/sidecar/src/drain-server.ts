import { type Server } from 'node:http';

/** How often idle keep-alive connections are closed while draining. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections and waits until every connection has closed: busy ones
 * after their current response (which carries `connection: close`), idle ones at once.
 * Resolves false when `timeoutMs` passed first (remaining connections are then cut).
 */
export function drainServer(server: Server, liveInflight: () => number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => {
      server.closeIdleConnections();
    }, IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(liveInflight() === 0);
    });
    server.closeIdleConnections();
  });
}
