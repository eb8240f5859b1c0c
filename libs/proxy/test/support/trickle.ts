import { connect, type Socket } from 'node:net';

/** A client that sends its request head at once, then its body one byte every `everyMs`. */
export interface TrickleClient {
  /** Everything the server answered so far. */
  readonly answer: () => string;
  /** Resolves when the server closed the connection or answered; the trickle stops then. */
  readonly settled: Promise<{ readonly answer: string; readonly ms: number }>;
  destroy(): void;
}

export function trickleUpload(port: number, options: { path?: string; declared: number; everyMs: number; bytes?: number }): TrickleClient {
  const t0 = performance.now();
  const socket: Socket = connect(port, '127.0.0.1');
  let answer = '';
  let sent = 0;
  const limit = options.bytes ?? options.declared;
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.write(`POST ${options.path ?? '/upload'} HTTP/1.1\r\nhost: test\r\ncontent-length: ${options.declared}\r\n\r\n`);
  const timer = setInterval(() => {
    if (sent >= limit || socket.destroyed) return;
    sent += 1;
    socket.write('x');
  }, options.everyMs);
  const settled = new Promise<{ answer: string; ms: number }>((resolve) => {
    const done = () => {
      clearInterval(timer);
      resolve({ answer, ms: performance.now() - t0 });
    };
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('close', done);
  });
  return {
    answer: () => answer,
    settled,
    destroy: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}
