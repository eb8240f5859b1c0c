import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';
import { isWebSocketUpgrade } from '@mirrormesh/proxy';
import { SIDECAR_DEFAULTS } from './sidecar-env';

/** The listener's own bounds on a slow client (the proxy core bounds the body and the exchange). */
export interface ListenerTimeouts {
  /** How long the request line and headers may take to arrive; answered 408 past it. */
  readonly requestHeadersTimeoutMs: number;
}

/**
 * How often Node checks its connections against the headers timeout (its default, 30 s, would
 * let a 10 s timeout fire up to 40 s late): a quarter of the timeout, within 250 ms to 1 s.
 */
export function connectionsCheckingIntervalMs(headersTimeoutMs: number): number {
  return Math.min(1000, Math.max(250, Math.floor(headersTimeoutMs / 4)));
}

function rawProblem(status: string, code: string, message: string): string {
  const body = JSON.stringify({ code, message });
  return `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

const BAD_REQUEST = rawProblem('400 Bad Request', 'BAD_REQUEST', 'malformed HTTP request');
const HEADERS_TOO_LARGE = rawProblem('431 Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'request headers are too large');
const REQUEST_TIMEOUT = rawProblem('408 Request Timeout', 'REQUEST_TIMEOUT', 'the request headers did not arrive in time');
const CLOSING = rawProblem('503 Service Unavailable', 'PROXY_CLOSING', 'proxy is shutting down');
const CONNECT_REFUSED = rawProblem(
  '405 Method Not Allowed',
  'CONNECT_REFUSED',
  'CONNECT is not supported: this proxy forwards only to its configured clusters',
);

function answerTo(code: string | undefined): string {
  if (code === 'HPE_HEADER_OVERFLOW') return HEADERS_TOO_LARGE;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return REQUEST_TIMEOUT;
  return BAD_REQUEST;
}

/**
 * The data-path server: plain node:http handing each request to the proxy core. While
 * draining, responses carry `connection: close` so keep-alive clients let go. A client too
 * slow with its headers gets 408; Node's whole-request timeout (300 s) stays as a backstop
 * behind the proxy's own route timeout and body idle timeout.
 */
export function createListenerServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  isDraining: () => boolean,
  timeouts: ListenerTimeouts,
  handleUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Server {
  const server = createServer(
    {
      keepAliveTimeout: SIDECAR_DEFAULTS.keepAliveTimeoutMs,
      headersTimeout: timeouts.requestHeadersTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingIntervalMs(timeouts.requestHeadersTimeoutMs),
      // Only WebSocket handshakes take the upgrade path; `Upgrade: h2c` and others stay plain requests.
      shouldUpgradeCallback: handleUpgrade === undefined ? () => false : isWebSocketUpgrade,
    },
    (req, res) => {
      if (isDraining()) res.shouldKeepAlive = false;
      handle(req, res);
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    socket.end(answerTo(error.code));
  });
  if (handleUpgrade !== undefined)
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!isDraining()) return handleUpgrade(req, socket, head);
      // A new long-lived connection would only hold the drain up.
      socket.on('error', () => undefined);
      socket.end(CLOSING);
    });
  // Not an open proxy: tunnels are refused outright.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end(CONNECT_REFUSED);
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
