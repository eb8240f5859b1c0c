import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { type Duplex } from 'node:stream';
import { encodeFrame, FrameReader, OPCODE } from './websocket-frames';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC11B7F';

/** RFC 6455 §4.2.2: the server's proof that it read the handshake. */
export function acceptKeyOf(key: string): string {
  return createHash('sha1')
    .update(key + ACCEPT_GUID)
    .digest('base64');
}

/**
 * A WebSocket echo server on 127.0.0.1:0: echoes text and binary frames, answers a close with a
 * close; a request that does not upgrade is answered 200 "not upgraded".
 */
export interface WebSocketUpstream {
  readonly endpoint: string;
  readonly port: number;
  /** The handshakes it received. */
  readonly upgrades: { readonly url: string; readonly headers: IncomingHttpHeaders; readonly rawHeaders: string[] }[];
  /** Upgraded connections open now. */
  open(): number;
  close(): Promise<void>;
}

export async function startWebSocketUpstream(): Promise<WebSocketUpstream> {
  const upgrades: WebSocketUpstream['upgrades'][number][] = [];
  const sockets = new Set<Duplex>();
  const server: Server = createServer((_req, res) => {
    // As many application servers do: a request that did not upgrade gets a plain page.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('not upgraded');
  });
  server.on('upgrade', (req, socket: Duplex) => {
    upgrades.push({ url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders });
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // node:http keeps its sockets half-open: the peer's FIN is answered with ours.
    socket.on('end', () => socket.end());
    const key = req.headers['sec-websocket-key'] ?? '';
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKeyOf(key)}\r\n\r\n`,
    );
    const reader = new FrameReader();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        if (frame.opcode === OPCODE.close) return void socket.end(encodeFrame(OPCODE.close, frame.payload, false));
        socket.write(encodeFrame(frame.opcode, frame.payload, false));
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `127.0.0.1:${port}`,
    port,
    upgrades,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
