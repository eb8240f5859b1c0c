import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { type Duplex } from 'node:stream';
import { type CompiledRoute } from '../config/compiled-config';
import { classifyUpstreamError, type UpstreamFailure } from '../forwarding/upstream-failure';
import { type UpstreamHeaders } from '../forwarding/upstream-headers';
import { type HeaderEditChain } from '../routing/header-edits';
import { type ClusterEndpoints, type Endpoint } from '../transport/cluster-endpoints';
import { answerHead, endAndDestroy, switchingHead, writeRawProblem } from './raw-answer';
import { HandshakeClient, MAX_EARLY_CLIENT_BYTES } from './handshake-client';
import { type UpgradeCloseCause } from './upgrade-channel';
import { publishUpgrade } from './upgrade-event';
import { UpgradedRelay } from './upgraded-relay';
import { upstreamAddress } from './upstream-address';

/** The handshake's own timeouts, as errors coded like the pools' so that answer and outlier detection treat them alike. */
const CONNECT_TIMED_OUT = Object.assign(new Error('upstream connection timed out'), { code: 'UND_ERR_CONNECT_TIMEOUT' });
const HANDSHAKE_TIMED_OUT = Object.assign(new Error('upstream did not answer the handshake in time'), { code: 'ERR_ROUTE_TIMEOUT' });

/** One upgrade request as the tunnel sees it. */
export interface TunnelRequest {
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly route: CompiledRoute;
  readonly cluster: ClusterEndpoints;
  /** The handshake as it goes upstream: rewritten, the route's and the destination's request header operations applied. */
  readonly headers: UpstreamHeaders;
  /** The route's and the destination's response header operations, applied to the upstream's answer (101 or not). */
  readonly responseEdits: HeaderEditChain | undefined;
  readonly startedAt: number;
  readonly t0: number;
}

/** Told when the connection switched protocols and when the tunnel ended, once each. */
export interface TunnelOwner {
  upgraded(tunnel: WebSocketTunnel): void;
  ended(tunnel: WebSocketTunnel, wasUpgraded: boolean): void;
}

/**
 * One WebSocket handshake through the proxy: connects to an endpoint the cluster's balancer
 * picks (ejected ones skipped), sends the request, and on the upstream's 101 hands both sockets
 * to an UpgradedRelay. The handshake is bounded by the cluster's connect timeout and the
 * route's timeout; the upgraded connection only by its idle timeout, as in Envoy. Any other
 * answer is relayed, then the connection closes. The handshake's outcome feeds the cluster's
 * outlier detection once, as a live attempt does: a 101 is a success, a failed connect counts.
 */
export class WebSocketTunnel {
  private request: ClientRequest | undefined;
  private upstream: Socket | undefined;
  private endpoint: Endpoint | undefined;
  /** The outlier detector has heard of this handshake (or must not: client gone, proxy closing). */
  private learned = false;
  /** When the handshake started, after an injected delay: the route's timeout counts from here, as for a request. */
  private handshakeStart = 0;
  private relay: UpgradedRelay | undefined;
  private timer: NodeJS.Timeout | undefined;
  private status = 0;
  private errorCode: string | undefined;
  /** Body bytes of an answer that did not upgrade. */
  private answerBytes = 0;
  private done = false;
  private readonly handshakeClient: HandshakeClient;

  constructor(
    private readonly facts: TunnelRequest,
    private readonly client: Duplex,
    head: Buffer,
    private readonly owner: TunnelOwner,
  ) {
    client.on('error', ignore);
    client.on('close', this.onClientClose);
    this.handshakeClient = new HandshakeClient(client, head, this.onTooEarly);
  }

  /** Starts after `delayMs` (an injected fault delay), the client's socket already watched. */
  start(delayMs: number): void {
    if (delayMs > 0) this.timer = setTimeout(this.connect, delayMs);
    else this.connect();
  }

  /** Ends both sides now (the proxy closing after its grace). */
  close(cause: UpgradeCloseCause): void {
    if (this.relay !== undefined) return this.relay.close(cause);
    this.learned = true; // the proxy closing says nothing of the endpoint
    this.request?.destroy();
    this.client.destroy();
  }

  private readonly connect = (): void => {
    this.timer = undefined;
    // Ended before it began: the client left (during a delay) or was answered already.
    if (this.done || this.status !== 0) return;
    this.handshakeStart = performance.now();
    const { cluster, req, headers } = this.facts;
    const endpoint = cluster.next();
    this.endpoint = endpoint;
    const { host, port } = upstreamAddress(endpoint.address);
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
    this.timer = setTimeout(this.onHandshakeTimeout, Math.max(1, this.facts.route.timeoutMs - (performance.now() - this.handshakeStart)));
  };

  private readonly onHandshakeTimeout = (): void => {
    this.fail(this.upstream?.connecting === true ? CONNECT_TIMED_OUT : HANDSHAKE_TIMED_OUT);
  };

  private readonly onHandshakeError = (error: Error): void => {
    this.fail(error);
  };

  /** Tells the cluster's outlier detector how the handshake went, once. */
  private learn(outcome: number | Error): void {
    if (this.learned || this.endpoint === undefined) return;
    this.learned = true;
    this.facts.cluster.record(this.endpoint, outcome);
  }

  /** No answer came from upstream: the client gets the proxy's own (502, 504). */
  private fail(error: Error): void {
    this.learn(error);
    const failure: UpstreamFailure = classifyUpstreamError(error);
    clearTimeout(this.timer);
    this.request?.destroy();
    if (this.done || this.status !== 0) return;
    this.status = failure.status;
    this.errorCode = failure.code;
    writeRawProblem(this.client, failure.status, failure.code, failure.message, this.facts.headers.requestId);
  }

  private readonly onUpgrade = (res: IncomingMessage, upstream: Duplex, upgradeHead: Buffer): void => {
    clearTimeout(this.timer);
    if (this.done) return void upstream.destroy();
    this.learn(101);
    this.status = 101;
    this.owner.upgraded(this);
    const fromClient = this.handshakeClient.take();
    this.client.write(switchingHead(res, this.facts.responseEdits));
    this.relay = new UpgradedRelay(this.client, upstream, this.facts.route.websocket.idleMs);
    this.relay.prime(upgradeHead, fromClient);
  };

  /** The client sent frames beyond the bound before the upstream answered: the handshake ends here. */
  private readonly onTooEarly = (): void => {
    clearTimeout(this.timer);
    this.learned = true; // the client's doing, not the endpoint's
    this.request?.destroy();
    if (this.status !== 0) return void this.client.destroy();
    this.status = 400;
    this.errorCode = 'EARLY_DATA_TOO_LARGE';
    const message = `more than ${MAX_EARLY_CLIENT_BYTES} bytes arrived before the upstream accepted the upgrade`;
    writeRawProblem(this.client, 400, this.errorCode, message, this.facts.headers.requestId);
  };

  /** The upstream did not switch protocols: its answer goes to the client, then the connection closes. */
  private readonly onResponse = (res: IncomingMessage): void => {
    clearTimeout(this.timer);
    this.status = res.statusCode ?? 502;
    this.learn(this.status);
    this.handshakeClient.stop();
    if (this.done) return void res.destroy();
    this.client.write(answerHead(res, this.facts.responseEdits));
    res.on('data', this.onAnswerData);
    res.on('error', this.onAnswerError);
    res.on('end', this.onAnswerEnd);
    res.pipe(this.client, { end: false });
  };

  private readonly onAnswerData = (chunk: Buffer): void => {
    this.answerBytes += chunk.length;
  };

  private readonly onAnswerEnd = (): void => {
    endAndDestroy(this.client, '');
  };

  private readonly onAnswerError = (): void => {
    this.errorCode ??= 'UPSTREAM_RESET';
    this.client.destroy();
  };

  /** The client's socket closing ends the tunnel, whatever came first. */
  private readonly onClientClose = (): void => {
    if (this.done) return;
    this.done = true;
    this.learned = true; // a client that left says nothing of the endpoint
    clearTimeout(this.timer);
    this.request?.destroy();
    const relay = this.relay;
    if (relay !== undefined) relay.clientClosed();
    else {
      if (this.status === 0) this.errorCode ??= 'CLIENT_ABORTED';
      this.upstream?.destroy();
    }
    this.owner.ended(this, relay !== undefined);
    const { facts } = this;
    publishUpgrade({
      proxyId: facts.proxyId,
      req: facts.req,
      route: facts.route.name,
      cluster: facts.cluster.name,
      requestId: facts.headers.requestId,
      userAgent: facts.headers.userAgent,
      status: this.status,
      errorCode: this.errorCode,
      closedBy: relay?.closedBy,
      bytesToUpstream: relay?.bytesToUpstream ?? 0,
      bytesToClient: relay?.bytesToClient ?? this.answerBytes,
      startedAt: facts.startedAt,
      t0: facts.t0,
    });
  };
}

function ignore(): void {
  // The client's errors end in its 'close', which ends the tunnel.
}
