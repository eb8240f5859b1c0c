import { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { type Duplex } from 'node:stream';
import { isHopByHopResponseHeader } from '../forwarding/upstream-headers';
import { editRequestHeaders, type HeaderEditChain } from '../routing/header-edits';

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
 * A head of the proxy's own with no body (a redirect route's answer), then the connection is
 * closed; `headers` as `ServerResponse.writeHead` takes them, already edited.
 */
export function writeRawHead(socket: Duplex, status: number, headers: OutgoingHttpHeaders): void {
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) head += `${name}: ${one}\r\n`;
    else head += `${name}: ${value}\r\n`;
  }
  endAndDestroy(socket, `${head}connection: close\r\n\r\n`);
}

/** The upstream's raw headers after the destination's response header operations (hop-by-hop names are refused there). */
function editedHeaders(res: IncomingMessage, edits: HeaderEditChain | undefined): readonly string[] {
  if (edits === undefined) return res.rawHeaders;
  const list = res.rawHeaders.slice();
  // The same flat [name, value, ...] edit as a request's: remove, set, add.
  editRequestHeaders(list, edits);
  return list;
}

/**
 * The head of an upstream answer that did not upgrade, relayed as is but for hop-by-hop
 * headers and the response header operations; the body that follows is delimited by the
 * connection's close.
 */
export function answerHead(res: IncomingMessage, edits: HeaderEditChain | undefined): string {
  let head = `HTTP/1.1 ${res.statusCode ?? 502} ${res.statusMessage ?? ''}\r\n`;
  const raw = editedHeaders(res, edits);
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!isHopByHopResponseHeader(name.toLowerCase())) head += `${name}: ${raw[i + 1] as string}\r\n`;
  }
  return `${head}connection: close\r\n\r\n`;
}

/** The upstream's 101 head, relayed whole but for the response header operations: Connection and Upgrade belong to the handshake. */
export function switchingHead(res: IncomingMessage, edits: HeaderEditChain | undefined): string {
  let head = `HTTP/1.1 101 ${res.statusMessage ?? 'Switching Protocols'}\r\n`;
  const raw = editedHeaders(res, edits);
  for (let i = 0; i < raw.length; i += 2) head += `${raw[i] as string}: ${raw[i + 1] as string}\r\n`;
  return `${head}\r\n`;
}
