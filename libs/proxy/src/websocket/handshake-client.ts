import { type Duplex } from 'node:stream';

/**
 * Bytes a client may send after its handshake request and before the upstream's 101 (a
 * client that pipelines its first frames): held for the upstream, within this bound.
 */
export const MAX_EARLY_CLIENT_BYTES = 64 * 1024;

/**
 * The client's socket while the handshake is under way. node:http hands an upgrade's socket
 * over unread, and a socket nobody reads never learns that its peer reset it or half-closed
 * it: the handshake would wait on the upstream for the whole route timeout, its connection
 * held, for a client long gone. Reading it sees both; what the client sent early is kept
 * for the upstream (`take`), and a FIN before the 101 counts as leaving: a half-closed
 * client cannot speak WebSocket.
 */
export class HandshakeClient {
  private early: Buffer[] = [];
  private earlyBytes = 0;
  private watching = true;

  constructor(
    private readonly client: Duplex,
    /** Bytes that came in the same read as the request's head: early bytes too. */
    private readonly head: Buffer,
    /** The client sent more than MAX_EARLY_CLIENT_BYTES before the 101 (may be called from here). */
    private readonly onTooMuch: () => void,
  ) {
    client.on('data', this.onData);
    client.on('end', this.onEnd);
    client.resume();
    this.earlyBytes = head.length;
    if (this.earlyBytes > MAX_EARLY_CLIENT_BYTES) this.tooMuch();
  }

  /** Stops reading and hands over every byte the client sent after its request. */
  take(): Buffer {
    this.stop();
    const early = this.early;
    this.early = [];
    return early.length === 0 ? this.head : Buffer.concat([this.head, ...early]);
  }

  /** Stops watching; what came early is dropped (the handshake did not upgrade). */
  stop(): void {
    if (!this.watching) return;
    this.watching = false;
    this.client.off('data', this.onData);
    this.client.off('end', this.onEnd);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.earlyBytes += chunk.length;
    if (this.earlyBytes > MAX_EARLY_CLIENT_BYTES) return this.tooMuch();
    this.early.push(chunk);
  };

  private tooMuch(): void {
    this.stop();
    this.early = [];
    this.onTooMuch();
  }

  private readonly onEnd = (): void => {
    this.stop();
    this.client.destroy();
  };
}
