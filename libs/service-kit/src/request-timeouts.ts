import { type ServerOptions } from 'node:http';

/**
 * Named bounds on how long a client may take to send a request, so that a slowloris head or a
 * trickled or stalled body is cut with a 408 instead of holding a connection forever (fastify's
 * requestTimeout is 0, none, by default).
 */
export const REQUEST_TIMEOUT_DEFAULTS = {
  /** The request head (request line and header fields). */
  headersTimeoutMs: 10_000,
  /** The whole request, head and body; never shorter than the head's bound (Node requires it). */
  requestTimeoutMs: 30_000,
  /**
   * How often Node checks the two bounds: a bound fires up to this late. Node's default (30 s)
   * would let a 10 s bound run to 40 s; the check walks only connections with a request in
   * flight, so once a second costs little.
   */
  connectionsCheckingIntervalMs: 1_000,
} as const;

export interface RequestTimeouts {
  readonly headersTimeoutMs?: number | undefined;
  readonly requestTimeoutMs?: number | undefined;
}

/**
 * The `node:http` server options enforcing the bounds (defaults for those not given): fastify's
 * `http` option, and the options of any server a service builds itself (the collector's).
 */
export function requestTimeoutServerOptions(
  timeouts: RequestTimeouts,
): Required<Pick<ServerOptions, 'headersTimeout' | 'requestTimeout' | 'connectionsCheckingInterval'>> {
  return {
    headersTimeout: timeouts.headersTimeoutMs ?? REQUEST_TIMEOUT_DEFAULTS.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs ?? REQUEST_TIMEOUT_DEFAULTS.requestTimeoutMs,
    connectionsCheckingInterval: REQUEST_TIMEOUT_DEFAULTS.connectionsCheckingIntervalMs,
  };
}
