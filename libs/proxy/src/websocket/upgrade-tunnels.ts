import { type IncomingMessage } from 'node:http';
import { type Duplex } from 'node:stream';
import { type CompiledRoute, type RoutingTable } from '../config/compiled-config';
import { decideFault } from '../forwarding/fault-injection';
import { type LocalAnswer } from '../forwarding/local-answers';
import { requestIdOf } from '../forwarding/request-id';
import { buildUpstreamHeaders, type UpstreamHeaders } from '../forwarding/upstream-headers';
import { editRequestHeaders } from '../routing/header-edits';
import { pickDestination } from '../routing/pick-destination';
import { rewriteRequest } from '../routing/rewrite-request';
import { isRouted, routeRequest } from '../routing/route-request';
import { answerRedirect } from './upgrade-redirect';
import { writeRawProblem } from './raw-answer';
import { publishUpgrade } from './upgrade-event';
import { WebSocketTunnel, type TunnelOwner } from './websocket-tunnel';

/** Envoy answers 403 to an upgrade its route does not allow. */
const UPGRADE_REFUSED: LocalAnswer = {
  status: 403,
  code: 'UPGRADE_REFUSED',
  message: 'WebSocket upgrades are not allowed on this route',
};
/** Past `limits.websocketConnections`, as Envoy's circuit breakers answer an overflow. */
const UPGRADE_LIMIT: LocalAnswer = {
  status: 503,
  code: 'UPGRADE_LIMIT',
  message: 'too many WebSocket connections: try again later',
};
const FAULT_INJECTED = 'fault injected by route policy';

/**
 * The proxy's WebSocket connections: routes each upgrade as a request is routed (the same
 * admission, match, rewrite and request header operations), answers what the proxy refuses
 * and a redirect route's redirect, and keeps the tunnels open now so that close() can end
 * them. Upgrades are never mirrored, whatever the route's `mirrors`: like Envoy's shadowing, a
 * copy of a long-lived bidirectional stream has no answer to compare and would hold a
 * candidate's connection open.
 */
export class UpgradeTunnels implements TunnelOwner {
  private readonly tunnels = new Set<WebSocketTunnel>();
  /** Connections that switched protocols and are still open. */
  open = 0;

  constructor(private readonly proxyId: string) {}

  /** Tunnels in progress: handshaking or upgraded. */
  get size(): number {
    return this.tunnels.size;
  }

  handle(table: RoutingTable, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const t0 = performance.now();
    const startedAt = Date.now();
    const routed = routeRequest(table, req, req.url ?? '', req.method ?? '');
    if (!isRouted(routed)) return this.refuse(req, socket, routed, startedAt, t0);
    const route = routed.route;
    if (!route.websocket.enabled) return this.refuse(req, socket, UPGRADE_REFUSED, startedAt, t0, route.name);
    if (this.tunnels.size >= table.config.limits.websocketConnections)
      return this.refuse(req, socket, UPGRADE_LIMIT, startedAt, t0, route.name);
    const headers = buildUpstreamHeaders(req);
    if (route.rewrite !== undefined) rewriteRequest(route.rewrite, routed, req, headers);
    const fault = decideFault(route.fault);
    if (fault.abortStatus !== undefined) {
      const answer = { status: fault.abortStatus, code: 'FAULT_INJECTED', message: FAULT_INJECTED };
      return this.refuse(req, socket, answer, startedAt, t0, route.name, headers.requestId);
    }
    // As for a request, a redirect is answered after an injected delay (the router runs after the fault filter).
    if (route.redirect !== undefined) return this.redirect(req, route, socket, headers, fault.delayMs, startedAt, t0);
    const destination = pickDestination(route);
    if (destination.requestEdits !== undefined) editRequestHeaders(headers.list, destination.requestEdits);
    const tunnel = new WebSocketTunnel(
      {
        proxyId: this.proxyId,
        req,
        route,
        cluster: destination.cluster,
        headers,
        responseEdits: destination.responseEdits,
        startedAt,
        t0,
      },
      socket,
      head,
      this,
    );
    this.tunnels.add(tunnel);
    tunnel.start(fault.delayMs);
  }

  /**
   * A redirect route answers an upgrade with its redirect, as Envoy's router does: the client
   * (a browser's WebSocket fails the handshake, as RFC 6455 §4.1 lets it) sees where the route
   * points rather than a refusal. The socket then closes; nothing is forwarded.
   */
  private redirect(
    req: IncomingMessage,
    route: CompiledRoute,
    socket: Duplex,
    headers: UpstreamHeaders,
    delayMs: number,
    startedAt: number,
    t0: number,
  ): void {
    socket.on('error', ignore);
    const answer = (): void => {
      const status = answerRedirect(req, route, socket, headers);
      publishUpgrade({
        proxyId: this.proxyId,
        req,
        route: route.name,
        cluster: '',
        requestId: headers.requestId,
        userAgent: headers.userAgent,
        status,
        errorCode: status === 0 ? 'CLIENT_ABORTED' : undefined,
        closedBy: undefined,
        bytesToUpstream: 0,
        bytesToClient: 0,
        startedAt,
        t0,
      });
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  }

  /** The proxy's own answer to an upgrade (no route, refused, closing, an injected abort), then the socket closes. */
  refuse(
    req: IncomingMessage,
    socket: Duplex,
    answer: LocalAnswer,
    startedAt = Date.now(),
    t0 = performance.now(),
    route = '',
    requestId = requestIdOf(headerOf(req, 'x-request-id')),
  ): void {
    socket.on('error', ignore);
    writeRawProblem(socket, answer.status, answer.code, answer.message, requestId);
    publishUpgrade({
      proxyId: this.proxyId,
      req,
      route,
      cluster: '',
      requestId,
      userAgent: headerOf(req, 'user-agent'),
      status: answer.status,
      errorCode: answer.code,
      closedBy: undefined,
      bytesToUpstream: 0,
      bytesToClient: 0,
      startedAt,
      t0,
    });
  }

  upgraded(): void {
    this.open += 1;
  }

  ended(tunnel: WebSocketTunnel, wasUpgraded: boolean): void {
    this.tunnels.delete(tunnel);
    if (wasUpgraded) this.open -= 1;
  }

  /** Ends every tunnel now (the proxy's close, after its grace). */
  closeAll(): void {
    for (const tunnel of this.tunnels) tunnel.close('proxy_closing');
  }
}

function headerOf(req: IncomingMessage, name: 'x-request-id' | 'user-agent'): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function ignore(): void {
  // The socket is being answered and closed; its errors change nothing.
}
