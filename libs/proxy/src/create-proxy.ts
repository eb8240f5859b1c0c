import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';
import { compileConfig, type CompiledRoute, type RoutingTable } from './config/compiled-config';
import { parseProxyConfig } from './config/parse-proxy-config';
import { type ProxyConfig } from './config/proxy-config.schema';
import { type ExchangeContext } from './forwarding/exchange-context';
import { delayThenForward } from './forwarding/fault-delay';
import { decideFault } from './forwarding/fault-injection';
import { LiveExchange } from './forwarding/live-exchange';
import { answeredByProxy, CLIENT_GONE, type LiveOutcome } from './forwarding/live-outcome';
import { LOCAL_ANSWERS, type LocalAnswer } from './forwarding/local-answers';
import { liveExchangeWanted, publishLiveExchange } from './forwarding/publish-exchange';
import { streamBody } from './forwarding/body-stream';
import { type RequestBody } from './forwarding/request-body';
import { requestIdOf } from './forwarding/request-id';
import { sendProblem } from './forwarding/send-problem';
import { sendRedirect } from './forwarding/send-redirect';
import { buildUpstreamHeaders } from './forwarding/upstream-headers';
import { type DiffReport } from './diff/diff-report';
import { DiffState } from './diff/diff-state-wiring';
import { ByteBudget } from './limits/byte-budget';
import { mirrorsNotMade, selectMirrors, startMirrors, type MirrorBounds } from './mirror/mirror-dispatcher';
import { MirrorBreaker } from './mirror/mirror-breaker';
import { MirrorInflight } from './mirror/mirror-inflight';
import { editRequestHeaders } from './routing/header-edits';
import { pickDestination } from './routing/pick-destination';
import { rewriteRequest } from './routing/rewrite-request';
import { isRouted, routeRequest } from './routing/route-request';
import { UpstreamPools } from './transport/upstream-pools';
import { UpgradeTunnels } from './websocket/upgrade-tunnels';
import { DEFAULT_CLOSE_GRACE_MS, type Proxy, type ProxyOptions, type ProxyRuntimeStats } from './proxy';
import { proxyIdOf } from './proxy-id';
import { waitUntil } from './wait-until';

class MirroringProxy implements Proxy {
  readonly id: string;
  private table: RoutingTable;
  private liveInflight = 0;
  private closing: Promise<void> | undefined;
  private readonly pools: UpstreamPools;
  private readonly mirrorInflight = new MirrorInflight();
  /** Proxy-wide memory bounds, kept across reloads; a reload may change their maximum. */
  private readonly requestBuffer = new ByteBudget(0);
  private readonly mirrorBounds: MirrorBounds;
  private readonly graceMs: number;
  private readonly upgrades: UpgradeTunnels;
  /** The shadow diff's pending comparisons and report, kept across reloads. */
  private readonly diff = new DiffState();

  constructor(config: unknown, options: ProxyOptions) {
    this.id = proxyIdOf(options.name);
    this.mirrorBounds = { inflight: this.mirrorInflight, breaker: new MirrorBreaker(options.clock), buffer: new ByteBudget(0) };
    this.pools = new UpstreamPools(options.clock);
    this.graceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    this.upgrades = new UpgradeTunnels(this.id);
    this.table = this.build(parseProxyConfig(config));
  }

  get config(): ProxyConfig {
    return this.table.config;
  }

  reload(config: unknown): ProxyConfig {
    const parsed = parseProxyConfig(config);
    // Requests already routed hold their compiled route and pools: they finish on the old config.
    this.table = this.build(parsed);
    return parsed;
  }

  private build(config: ProxyConfig): RoutingTable {
    const table = compileConfig(config, this.pools.build(config.clusters, this.graceMs));
    this.requestBuffer.maxBytes = config.limits.requestBufferTotalBytes;
    this.mirrorBounds.buffer.maxBytes = config.limits.mirrorBufferBytes;
    this.diff.configure(config.limits, table.routes);
    return table;
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const t0 = performance.now();
    const startedAt = Date.now();
    const url = req.url ?? '';
    const method = req.method ?? '';
    if (this.closing !== undefined) return this.local(req, res, startedAt, t0, LOCAL_ANSWERS.closing);
    const table = this.table;
    const routed = routeRequest(table, req, url, method);
    if (!isRouted(routed)) return this.local(req, res, startedAt, t0, routed);
    const route = routed.route;
    const ctx: ExchangeContext = {
      proxyId: this.id,
      req,
      res,
      route,
      headers: buildUpstreamHeaders(req),
      responseEdits: undefined,
      requestBody: table.requestBody,
      startedAt,
      t0,
    };
    if (route.rewrite !== undefined) rewriteRequest(route.rewrite, routed, req, ctx.headers);
    this.liveInflight += 1;
    const fault = decideFault(route.fault);
    if (fault.abortStatus !== undefined) {
      const bytes = sendProblem(res, fault.abortStatus, 'FAULT_INJECTED', 'fault injected by route policy', ctx.headers.requestId);
      return this.liveDone(ctx, '', answeredByProxy(fault.abortStatus, 'FAULT_INJECTED', bytes));
    }
    if (fault.delayMs > 0)
      delayThenForward(
        res,
        fault.delayMs,
        () => this.forward(ctx),
        () => this.liveDone(ctx, '', CLIENT_GONE),
      );
    else this.forward(ctx);
  };

  readonly handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.closing !== undefined) return this.upgrades.refuse(req, socket, LOCAL_ANSWERS.closing);
    this.upgrades.handle(this.table, req, socket, head);
  };

  private forward(ctx: ExchangeContext): void {
    const { route, req } = ctx;
    if (route.redirect !== undefined) return this.redirect(ctx, route.redirect);
    const destination = pickDestination(route);
    const cluster = destination.cluster;
    if (destination.requestEdits !== undefined) editRequestHeaders(ctx.headers.list, destination.requestEdits);
    ctx.responseEdits = destination.responseEdits;
    const mirrors = route.mirrors;
    // Mirrors still owed a copy (a bit mask: no allocation); cleared once their copies start.
    let selected = mirrors.length === 0 ? 0 : selectMirrors(mirrors, req.method as string);
    const bodyReady = (read: RequestBody) => {
      if (selected !== 0) {
        if (route.compares) this.startCompared(ctx, exchange, selected, read);
        else startMirrors(ctx, mirrors, selected, this.mirrorBounds, read);
        selected = 0;
      }
      return read.kind === 'none' ? null : read.kind === 'whole' ? read.body : streamBody(req, read.prefix);
    };
    const exchange = new LiveExchange(ctx, cluster, this.requestBuffer, bodyReady, (outcome) => {
      if (selected !== 0) mirrorsNotMade(ctx, mirrors, selected);
      this.liveDone(ctx, cluster.name, outcome);
    });
    exchange.start();
  }

  /** Starts the copies of a route with compared mirrors, capturing the live answer when a comparison is admitted. */
  private startCompared(ctx: ExchangeContext, exchange: LiveExchange, selected: number, read: RequestBody): void {
    const comparison = this.diff.begin(ctx.route, ctx.headers.requestId, selected);
    if (typeof comparison === 'object') exchange.capture = comparison.live;
    startMirrors(ctx, ctx.route.mirrors, selected, this.mirrorBounds, read, comparison);
    if (typeof comparison === 'object') comparison.seal();
  }

  /** A redirect route is answered here, after an injected fault (as Envoy's router runs after the fault filter). */
  private redirect(ctx: ExchangeContext, redirect: NonNullable<CompiledRoute['redirect']>): void {
    // The client may have left during a fault delay.
    this.liveDone(
      ctx,
      '',
      ctx.res.destroyed ? CLIENT_GONE : answeredByProxy(sendRedirect(ctx, redirect, ctx.route.responseEdits), undefined, 0),
    );
  }

  private liveDone(ctx: ExchangeContext, cluster: string, outcome: LiveOutcome): void {
    this.liveInflight -= 1;
    publishLiveExchange(ctx, ctx.route.name, cluster, ctx.headers.requestId, ctx.headers.userAgent, outcome);
  }

  /** Answers from the proxy itself (no upstream involved). */
  private local(req: IncomingMessage, res: ServerResponse, startedAt: number, t0: number, answer: LocalAnswer): void {
    const given = req.headers['x-request-id'];
    const requestId = requestIdOf(typeof given === 'string' ? given : undefined);
    const bytes = sendProblem(res, answer.status, answer.code, answer.message, requestId);
    if (!liveExchangeWanted()) return;
    const origin = { proxyId: this.id, req, startedAt, t0 };
    publishLiveExchange(origin, '', '', requestId, req.headers['user-agent'], answeredByProxy(answer.status, answer.code, bytes));
  }

  stats(): ProxyRuntimeStats {
    // Every mirror cluster of the config in force appears, at 0 before its first copy.
    const mirrorInflight: Record<string, number> = {};
    for (const route of this.table.routes) for (const mirror of route.mirrors) mirrorInflight[mirror.cluster.name] = 0;
    return {
      liveInflight: this.liveInflight,
      mirrorInflight: { ...mirrorInflight, ...this.mirrorInflight.snapshot() },
      requestBufferedBytes: this.requestBuffer.heldBytes,
      mirrorBufferedBytes: this.mirrorBounds.buffer.heldBytes,
      clusters: this.pools.stats(),
      closed: this.closing !== undefined,
      upgradesOpen: this.upgrades.open,
      diffPending: this.diff.pending,
    };
  }

  diffReport(): DiffReport {
    return this.diff.report();
  }

  close(options: { readonly graceMs?: number } = {}): Promise<void> {
    const graceMs = options.graceMs ?? this.graceMs;
    this.closing ??= (async () => {
      await waitUntil(() => this.liveInflight === 0 && this.upgrades.size === 0, graceMs);
      this.upgrades.closeAll();
      await this.pools.close(graceMs);
    })();
    return this.closing;
  }
}

/** Builds a proxy from a config (validated here: throws ProxyConfigError naming path and rule). */
export function createProxy(config: unknown, options: ProxyOptions = {}): Proxy {
  return new MirroringProxy(config, options);
}
