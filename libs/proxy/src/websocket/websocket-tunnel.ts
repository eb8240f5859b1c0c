import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { type Duplex } from 'node:stream';
import { type CompiledRoute } from '../config/compiled-config';
import { classifyUpstreamError, type UpstreamFailure } from '../forwarding/upstream-failure';
import { type UpstreamHeaders } from '../forwarding/upstream-headers';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { answerHead, endAndDestroy, switchingHead, writeRawProblem } from './raw-answer';
import { upgradeChannel, type UpgradeCloseCause, type UpgradeEvent } from './upgrade-channel';
import { upstreamAddress } from './upstream-address';

const CONNECT_TIMEOUT = classifyUpstreamError({ code: 'UND_ERR_CONNECT_TIMEOUT' });
const HANDSHAKE_TIMEOUT = classifyUpstreamError({ code: 'ERR_ROUTE_TIMEOUT' });

/** One upgrade request as the tunnel sees it. */
export interface TunnelRequest {
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly route: CompiledRoute;
  readonly cluster: ClusterEndpoints;
  readonly headers: UpstreamHeaders;
  readonly startedAt: number;
  readonly t0: number;
}

/** Told when the connection switched protocols and when the tunnel ended, once each. */
export interface TunnelOwner {
  upgraded(tunnel: WebSocketTunnel): void;
  ended(tunnel: WebSocketTunnel, wasUpgraded: boolean): void;
}

/**
 * One WebSocket connection through the proxy: connects to an endpoint of the cluster, sends
 * the handshake, relays the upstream's 101 and then bytes both ways until either side closes
 * or no byte flows for the route's idle timeout. The handshake (connect, then the upstream's
 * answer) is bounded by the cluster's connect timeout and the route's timeout; the upgraded
 * connection only by its idle timeout, as in Envoy. Any other answer is relayed and closes.
 */
export class WebSocketTunnel {
  private request: ClientRequest | undefined;
  private upstream: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private status = 0;
  private errorCode: string | undefined;
  private closedBy: UpgradeCloseCause | undefined;
  private bytesToUpstream = 0;
  private bytesToClient = 0;
  private isUpgraded = false;
  private done = false;

  constructor(
    private readonly facts: TunnelRequest,
    private readonly client: Duplex,
    private readonly head: Buffer,
    private readonly owner: TunnelOwner,
  ) {
    client.on('error', this.onClientError);
    client.on('close', this.onClientClose);
  }

  /** Starts after `delayMs` (an injected fault delay), the client's socket already watched. */
  start(delayMs: number): void {
    if (delayMs > 0) this.timer = setTimeout(this.connect, delayMs);
    else this.connect();
  }

  /** Ends both sides now (the proxy closing after its grace). */
  close(cause: UpgradeCloseCause): void {
    this.closedBy ??= cause;
    this.upstream?.destroy();
    this.request?.destroy();
    this.client.destroy();
  }

  private readonly connect = (): void => {
    this.timer = undefined;
    if (this.done) return;
    const { cluster, req, headers } = this.facts;
    const { host, port } = upstreamAddress(cluster.next().address);
    const socket = connect({ host, port });
    socket.once('connect', this.onConnect);
    this.upstream = socket;
    this.timer = setTimeout(this.onHandshakeTimeout, cluster.connectTimeoutMs);
    const list = headers.list.slice();
    list.push('connection', 'Upgrade', 'upgrade', req.headers.upgrade ?? 'websocket');
    const request = httpRequest({ method: 'GET', path: req.url, headers: list, setHost: false, createConnection: () => socket });
    request.on('upgrade', this.onUpgrade);
    request.on('response', this.onResponse);
    request.on('error', this.onHandshakeError);
    request.end();
    this.request = request;
  };

  private readonly onConnect = (): void => {
    clearTimeout(this.timer);
    // The route's timeout bounds the handshake only: an upgraded connection lives on its idle timeout.
    this.timer = setTimeout(this.onHandshakeTimeout, Math.max(1, this.facts.route.timeoutMs - (performance.now() - this.facts.t0)));
  };

  private readonly onHandshakeTimeout = (): void => {
    this.fail(this.upstream?.connecting === true ? CONNECT_TIMEOUT : HANDSHAKE_TIMEOUT);
  };

  private readonly onHandshakeError = (error: unknown): void => {
    this.fail(classifyUpstreamError(error));
  };

  /** No answer came from upstream: the client gets the proxy's own (502, 504). */
  private fail(failure: UpstreamFailure): void {
    clearTimeout(this.timer);
    this.request?.destroy();
    if (this.done || this.status !== 0) return;
    this.status = failure.status;
    this.errorCode = failure.code;
    writeRawProblem(this.client, failure.status, failure.code, failure.message, this.facts.headers.requestId);
  }

  private readonly onUpgrade = (res: IncomingMessage, upstream: Duplex, upgradeHead: Buffer): void => {
    clearTimeout(this.timer);
    const client = this.client;
    if (this.done) return void upstream.destroy();
    this.status = 101;
    this.isUpgraded = true;
    this.owner.upgraded(this);
    client.write(switchingHead(res));
    if (upgradeHead.length > 0) {
      this.bytesToClient += upgradeHead.length;
      client.write(upgradeHead);
    }
    if (this.head.length > 0) {
      this.bytesToUpstream += this.head.length;
      upstream.write(this.head);
    }
    upstream.on('data', this.onUpstreamData);
    upstream.on('error', this.onUpstreamError);
    upstream.on('end', this.onUpstreamEnd);
    upstream.on('close', this.onUpstreamClose);
    client.on('data', this.onClientData);
    client.on('end', this.onClientEnd);
    // Reading or writing either way resets it: "no byte flows either way" for idleMs.
    (client as Socket).setTimeout(this.facts.route.websocket.idleMs, this.onIdle);
    upstream.pipe(client);
    client.pipe(upstream);
  };

  /** The upstream did not switch protocols: its answer goes to the client, then the connection closes. */
  private readonly onResponse = (res: IncomingMessage): void => {
    clearTimeout(this.timer);
    this.status = res.statusCode ?? 502;
    if (this.done) return void res.destroy();
    this.client.write(answerHead(res));
    res.on('data', this.onUpstreamData);
    res.on('error', this.onAnswerError);
    res.on('end', this.onAnswerEnd);
    res.pipe(this.client, { end: false });
  };

  private readonly onAnswerEnd = (): void => {
    endAndDestroy(this.client, '');
  };

  private readonly onAnswerError = (): void => {
    this.errorCode ??= 'UPSTREAM_RESET';
    this.client.destroy();
  };

  private readonly onUpstreamData = (chunk: Buffer): void => {
    this.bytesToClient += chunk.length;
  };

  private readonly onClientData = (chunk: Buffer): void => {
    this.bytesToUpstream += chunk.length;
  };

  private readonly onIdle = (): void => {
    this.close('idle_timeout');
  };

  private readonly onUpstreamEnd = (): void => {
    this.closedBy ??= 'upstream';
  };

  private readonly onClientEnd = (): void => {
    this.closedBy ??= 'client';
  };

  private readonly onUpstreamError = (): void => {
    this.closedBy ??= 'upstream';
    this.errorCode ??= 'UPSTREAM_RESET';
  };

  /** The upstream is gone: what it sent is flushed to the client, then the client is closed. */
  private readonly onUpstreamClose = (): void => {
    this.closedBy ??= 'upstream';
    if (!this.done) endAndDestroy(this.client, '');
  };

  private readonly onClientError = (): void => {
    this.closedBy ??= 'client';
  };

  /** The client's socket closing ends the tunnel, whatever came first. */
  private readonly onClientClose = (): void => {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    if (this.status === 0) this.errorCode ??= 'CLIENT_ABORTED';
    this.request?.destroy();
    const upstream = this.upstream;
    if (upstream !== undefined && this.isUpgraded) {
      this.closedBy ??= 'client';
      // What the client sent last (its close frame) still reaches the upstream.
      if (upstream.writable) upstream.end(() => upstream.destroy());
      else upstream.destroy();
    } else upstream?.destroy();
    this.owner.ended(this, this.isUpgraded);
    if (upgradeChannel.hasSubscribers) upgradeChannel.publish(this.event());
  };

  private event(): UpgradeEvent {
    const { facts } = this;
    const req = facts.req;
    return {
      proxyId: facts.proxyId,
      route: facts.route.name,
      cluster: facts.cluster.name,
      method: req.method ?? '',
      path: req.url ?? '',
      requestId: facts.headers.requestId,
      status: this.status,
      errorCode: this.errorCode,
      closedBy: this.isUpgraded ? this.closedBy : undefined,
      durationMs: performance.now() - facts.t0,
      startedAt: facts.startedAt,
      bytesToUpstream: this.bytesToUpstream,
      bytesToClient: this.bytesToClient,
      remoteAddress: (req.socket as Socket | null)?.remoteAddress,
      httpVersion: req.httpVersion,
      userAgent: facts.headers.userAgent,
    };
  }
}
