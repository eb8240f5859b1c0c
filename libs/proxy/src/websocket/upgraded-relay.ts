import { type Socket } from 'node:net';
import { type Duplex } from 'node:stream';
import { endAndDestroy } from './raw-answer';
import { type UpgradeCloseCause } from './upgrade-channel';

/**
 * An upgraded connection: bytes piped both ways untouched and counted, until either side
 * closes (which closes the other once what it sent is flushed) or no byte flowed either way
 * for `idleMs`. The client's socket closing is the tunnel's end: `clientClosed()` is called then.
 */
export class UpgradedRelay {
  bytesToUpstream = 0;
  bytesToClient = 0;
  /** Which side ended the connection first. */
  closedBy: UpgradeCloseCause | undefined;

  constructor(
    private readonly client: Duplex,
    private readonly upstream: Duplex,
    idleMs: number,
  ) {
    upstream.on('data', this.onUpstreamData);
    upstream.on('error', this.onUpstreamError);
    upstream.on('end', this.onUpstreamEnd);
    upstream.on('close', this.onUpstreamClose);
    client.on('data', this.onClientData);
    client.on('end', this.onClientEnd);
    client.on('error', this.onClientEnd);
    // Reading or writing resets it, and every byte either way goes through the client's socket.
    (client as Socket).setTimeout(idleMs, this.onIdle);
    upstream.pipe(client);
    client.pipe(upstream);
  }

  /** Bytes that came with the handshake: the upstream's after its 101, the client's after its request. */
  prime(fromUpstream: Buffer, fromClient: Buffer): void {
    if (fromUpstream.length > 0) {
      this.bytesToClient += fromUpstream.length;
      this.client.write(fromUpstream);
    }
    if (fromClient.length > 0) {
      this.bytesToUpstream += fromClient.length;
      this.upstream.write(fromClient);
    }
  }

  /** Ends both sides now. */
  close(cause: UpgradeCloseCause): void {
    this.closedBy ??= cause;
    this.upstream.destroy();
    this.client.destroy();
  }

  /** The client is gone: what it sent last (its close frame) still reaches the upstream. */
  clientClosed(): void {
    this.closedBy ??= 'client';
    const upstream = this.upstream;
    if (upstream.writable) upstream.end(() => upstream.destroy());
    else upstream.destroy();
  }

  private readonly onUpstreamData = (chunk: Buffer): void => {
    this.bytesToClient += chunk.length;
  };

  private readonly onClientData = (chunk: Buffer): void => {
    this.bytesToUpstream += chunk.length;
  };

  private readonly onIdle = (): void => {
    this.close('idle_timeout');
  };

  private readonly onClientEnd = (): void => {
    this.closedBy ??= 'client';
  };

  private readonly onUpstreamEnd = (): void => {
    this.closedBy ??= 'upstream';
  };

  private readonly onUpstreamError = (): void => {
    this.closedBy ??= 'upstream';
  };

  /** The upstream is gone: what it sent is flushed to the client, then the client is closed. */
  private readonly onUpstreamClose = (): void => {
    this.closedBy ??= 'upstream';
    endAndDestroy(this.client, '');
  };
}
