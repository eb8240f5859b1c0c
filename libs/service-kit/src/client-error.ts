import { STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

/** What Node reports on a connection before (or instead of) a request reaching the app. */
const CLIENT_ERRORS: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'The request header fields are too large.' },
};
const MALFORMED = { status: 400, code: 'BAD_REQUEST', detail: 'The request is not valid HTTP/1.1.' };

/** Written raw: there is no request object to reply through, and the connection ends after it. */
function rawProblem(error: NodeJS.ErrnoException): string {
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify(problem(status, code, detail));
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}

/**
 * A `clientError` listener answering in the services' problem shape: 408 when a request bound
 * fired, 431 for oversized headers, 400 for malformed HTTP. As Node's own listener, it writes
 * nothing once a response to that request has begun: bytes then would corrupt it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  // Node links the response in flight on the socket (the field its own listener reads).
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (inFlight?.headersSent === true) return void socket.destroy();
  // Destroyed once written: http.Server keeps half-open sockets, and a trickling client would
  // otherwise hold this one open by never ending its side.
  socket.end(rawProblem(error), () => socket.destroy());
}
