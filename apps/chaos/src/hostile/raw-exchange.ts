import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { type ExchangeResult } from './exchange-result';
import { type SendPart } from './hostile-case';
import { parseResponses } from './http-response-parser';

/** Where to send raw bytes; `ca` makes it TLS (the collector's self-signed certificate). */
export interface RawEndpoint {
  readonly host: string;
  readonly port: number;
  readonly ca?: Buffer;
}

/** Answers past this are counted, not kept: no case needs more, and a flood must not grow the suite. */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** The bound of a case that names none. */
export const DEFAULT_CASE_TIMEOUT_MS = 5_000;
/**
 * After a complete answer, how long to keep listening: a second answer (a smuggled request)
 * arrives within microseconds on loopback, so this is generous and still keeps 1,000 cases fast.
 */
export const GRACE_AFTER_ANSWER_MS = 250;

export interface ExchangeOptions {
  /**
   * Half-close after the last write. Only for messages that can never complete: Node's
   * servers take a client's FIN as an abort (httpAllowHalfOpen is off), so a complete request
   * followed by FIN may rightly get no answer.
   */
  readonly endAfterSend?: boolean;
  readonly timeoutMs?: number;
  /** The request was HEAD: its answer has no body. */
  readonly head?: boolean;
}

/**
 * Writes the parts as given (our own bytes, never a client library's), waits for the server
 * to close, and reports what it wrote. Every exchange ends by the bound at the latest.
 */
export function exchange(endpoint: RawEndpoint, parts: readonly SendPart[], options: ExchangeOptions = {}): Promise<ExchangeResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let connected = false;
    let settled = false;
    let socketError: NodeJS.ErrnoException | undefined;
    const socket: Socket =
      endpoint.ca === undefined
        ? netConnect({ host: endpoint.host, port: endpoint.port })
        : tlsConnect({ host: endpoint.host, port: endpoint.port, ca: endpoint.ca });
    const finish = (end: ExchangeResult['end'], error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(bound);
      clearTimeout(grace);
      socket.destroy();
      resolve({ bytes: Buffer.concat(chunks), end, elapsedMs: Date.now() - started, ...(error === undefined ? {} : { error }) });
    };
    const bound = setTimeout(() => finish('timeout'), timeoutMs);
    let grace: NodeJS.Timeout | undefined;
    socket.on(endpoint.ca === undefined ? 'connect' : 'secureConnect', () => {
      connected = true;
      void writeParts(socket, parts, () => settled).then(() => {
        if (!settled && options.endAfterSend === true) socket.end();
      });
    });
    socket.on('data', (chunk: Buffer) => {
      if (kept >= MAX_ANSWER_BYTES) return;
      chunks.push(chunk);
      kept += chunk.length;
      // Once what came back holds whole answers, wait a little for more, then stop.
      const stream = parseResponses(Buffer.concat(chunks), () => options.head === true);
      clearTimeout(grace);
      if (stream.responses.length > 0 && !stream.truncated) grace = setTimeout(() => finish('answered'), GRACE_AFTER_ANSWER_MS);
    });
    // A server that answers and closes while we still write makes our writes fail: the answer still counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (socketError ??= error));
    socket.on('close', () => {
      if (!connected) return finish('connect-failed', socketError?.message ?? 'closed before connecting');
      finish(socketError?.code === 'ECONNRESET' ? 'reset' : 'closed');
    });
  });
}

async function writeParts(socket: Socket, parts: readonly SendPart[], stopped: () => boolean): Promise<void> {
  for (const part of parts) {
    if (part.delayMs !== undefined && part.delayMs > 0) await sleep(part.delayMs);
    if (stopped() || socket.destroyed || !socket.writable) return;
    socket.write(part.bytes);
  }
}

function sleep(ms: number): Promise<void> {
  // Unref'd: a slow case's pending pause must not keep the test process alive after the suite.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
