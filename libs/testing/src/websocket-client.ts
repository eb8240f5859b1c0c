import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { acceptKeyOf } from './websocket-upstream';
import { encodeFrame, FrameReader, OPCODE, type Frame } from './websocket-frames';

/** A WebSocket client over a raw socket: the handshake's answer, then frames both ways. */
export interface WebSocketClient {
  readonly status: number;
  /** The answer's head as received (status line and headers). */
  readonly head: string;
  /** True when the 101 carried the Sec-WebSocket-Accept that matches our key. */
  readonly accepted: boolean;
  readonly socket: Socket;
  /** Text received after the head of an answer that did not upgrade, once the proxy closed. */
  body(): Promise<string>;
  send(text: string | Buffer): void;
  /** The next data frame's payload. */
  next(): Promise<Buffer>;
  /** Sends a close frame and waits until the socket closed. */
  close(): Promise<void>;
  /** Resolves when the socket has closed. */
  closed: Promise<void>;
}

/**
 * Opens a WebSocket to 127.0.0.1:port (extra raw header lines may be given, e.g. "x-request-id: a").
 * `early`: text frames sent in the same write as the handshake, before any answer (pipelined).
 */
export function openWebSocket(
  port: number,
  path = '/',
  extraHeaders: readonly string[] = [],
  early: readonly string[] = [],
): Promise<WebSocketClient> {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const socket = connect(port, '127.0.0.1');
    let buffered = Buffer.alloc(0);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', reject);
    const onHead = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onHead);
      const head = buffered.subarray(0, end).toString('latin1');
      const rest = buffered.subarray(end + 4);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve(client(socket, status, head, rest, acceptKeyOf(key), closed));
    };
    socket.on('data', onHead);
    const handshake = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      ...extraHeaders,
      '',
      '',
    ].join('\r\n');
    const frames = early.map((text) => encodeFrame(OPCODE.text, Buffer.from(text), true));
    socket.write(Buffer.concat([Buffer.from(handshake, 'latin1'), ...frames]));
  });
}

function client(socket: Socket, status: number, head: string, rest: Buffer, accept: string, closed: Promise<void>): WebSocketClient {
  const reader = new FrameReader();
  const frames: Frame[] = [];
  const waiting: ((frame: Frame) => void)[] = [];
  let text = status === 101 ? '' : rest.toString('utf8');
  const onFrames = (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      const waiter = waiting.shift();
      if (waiter !== undefined) waiter(frame);
      else frames.push(frame);
    }
  };
  socket.removeAllListeners('error');
  socket.on('error', () => undefined);
  if (status === 101) {
    if (rest.length > 0) onFrames(rest);
    socket.on('data', onFrames);
  } else socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const nextFrame = () =>
    new Promise<Frame>((resolve, reject) => {
      const frame = frames.shift();
      if (frame !== undefined) return resolve(frame);
      waiting.push(resolve);
      void closed.then(() => reject(new Error('socket closed before a frame arrived')));
    });
  return {
    status,
    head,
    accepted: head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`),
    socket,
    body: () => closed.then(() => text),
    send: (payload) =>
      void socket.write(encodeFrame(typeof payload === 'string' ? OPCODE.text : OPCODE.binary, Buffer.from(payload), true)),
    next: async () => (await nextFrame()).payload,
    close: async () => {
      if (socket.writable) socket.write(encodeFrame(OPCODE.close, Buffer.from([0x03, 0xe8]), true));
      await closed;
    },
    closed,
  };
}
