import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { type Duplex } from 'node:stream';
import { isHopByHopResponseHeader } from '../forwarding/upstream-headers';

/** Ends the socket once what was written is flushed: an upgrade socket is never reused for a request. */
export function endAndDestroy(socket: Duplex, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(text, () => socket.destroy());
}

/**
 * The proxy's own answer on a socket that asked to upgrade (node:http gives no ServerResponse
 * there): the same JSON problem as `sendProblem`, then the connection is closed.
 */
export function writeRawProblem(socket: Duplex, status: number, code: string, message: string, requestId: string): void {
  const body = `{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}}`;
  endAndDestroy(
    socket,
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The head of an upstream answer that did not upgrade, relayed as is but for hop-by-hop
 * headers; the body that follows is delimited by the connection's close.
 */
export function answerHead(res: IncomingMessage): string {
  let head = `HTTP/1.1 ${res.statusCode ?? 502} ${res.statusMessage ?? ''}\r\n`;
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!isHopByHopResponseHeader(name.toLowerCase())) head += `${name}: ${raw[i + 1] as string}\r\n`;
  }
  return `${head}connection: close\r\n\r\n`;
}

/** The upstream's 101 head, relayed whole: Connection and Upgrade belong to the handshake. */
export function switchingHead(res: IncomingMessage): string {
  let head = `HTTP/1.1 101 ${res.statusMessage ?? 'Switching Protocols'}\r\n`;
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) head += `${raw[i] as string}: ${raw[i + 1] as string}\r\n`;
  return `${head}\r\n`;
}
