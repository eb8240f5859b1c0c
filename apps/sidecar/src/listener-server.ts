import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';
import { SIDECAR_DEFAULTS } from './sidecar-env';

function rawProblem(status: string, code: string, message: string): string {
  const body = JSON.stringify({ code, message });
  return `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

const BAD_REQUEST = rawProblem('400 Bad Request', 'BAD_REQUEST', 'malformed HTTP request');
const HEADERS_TOO_LARGE = rawProblem('431 Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'request headers are too large');
const CONNECT_REFUSED = rawProblem(
  '405 Method Not Allowed',
  'CONNECT_REFUSED',
  'CONNECT is not supported: this proxy forwards only to its configured clusters',
);

/**
 * The data-path server: plain node:http handing each request to the proxy core. While
 * draining, responses carry `connection: close` so keep-alive clients let go.
 */
export function createListenerServer(handle: (req: IncomingMessage, res: ServerResponse) => void, isDraining: () => boolean): Server {
  const server = createServer({ keepAliveTimeout: SIDECAR_DEFAULTS.keepAliveTimeoutMs }, (req, res) => {
    if (isDraining()) res.shouldKeepAlive = false;
    handle(req, res);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    socket.end(error.code === 'HPE_HEADER_OVERFLOW' ? HEADERS_TOO_LARGE : BAD_REQUEST);
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
