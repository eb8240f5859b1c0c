import { compileRewrite, type CompiledRewrite } from '../routing/compile-rewrite';
import { compileHeaderEdits, type HeaderEditChain } from '../routing/header-edits';
import { type PathNormalization } from '../routing/normalize-path';
import { compileRedirect, type CompiledRedirect } from '../routing/redirect';
import { compileRouteMatch, type RequestPredicate } from '../routing/route-matcher';
import { compileMirrors, type CompiledMirror } from '../mirror/compile-mirror';
import { compileRetry, type CompiledRetry } from '../resilience/compile-retry';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { compileWebSocketPolicy, type WebSocketPolicy } from '../websocket/websocket-policy';
import { durationToMs } from './duration';
import { type ProxyConfig, type RouteConfig } from './proxy-config.schema';

export interface CompiledDestination {
  readonly cluster: ClusterEndpoints;
  /** Upper bound (exclusive) of this destination's slice of 0–100. */
  readonly cumulativeWeight: number;
  /** The route's header operations, then this destination's; undefined when there are none. */
  readonly requestEdits: HeaderEditChain | undefined;
  readonly responseEdits: HeaderEditChain | undefined;
}

export interface CompiledFault {
  readonly delay: { readonly percentage: number; readonly ms: number } | undefined;
  readonly abort: { readonly percentage: number; readonly status: number } | undefined;
}

export interface CompiledRoute {
  readonly name: string;
  readonly matches: RequestPredicate;
  /** Empty for a route that answers a redirect. */
  readonly destinations: readonly CompiledDestination[];
  readonly rewrite: CompiledRewrite | undefined;
  readonly redirect: CompiledRedirect | undefined;
  /** The route's own response header operations (for its redirects). */
  readonly responseEdits: HeaderEditChain | undefined;
  readonly timeoutMs: number;
  readonly retry: CompiledRetry | undefined;
  readonly fault: CompiledFault | undefined;
  /** Empty (one shared array) when the route mirrors nothing. */
  readonly mirrors: readonly CompiledMirror[];
  /** Some mirror of the route compares answers: the one check the request path makes for the shadow diff. */
  readonly compares: boolean;
  /** Read by upgrades only; routes that do not set `websocket` share one policy. */
  readonly websocket: WebSocketPolicy;
}

/** How a request body is read before it goes upstream. */
export interface CompiledRequestBody {
  /** Read whole (no upstream connection taken meanwhile) up to this size; larger bodies stream. */
  readonly bufferBytes: number;
  /** The longest a body may stall between two chunks. */
  readonly idleMs: number;
}

/** A config turned into what the request path reads: durations in ms, matchers compiled. */
export interface RoutingTable {
  readonly config: ProxyConfig;
  readonly routes: readonly CompiledRoute[];
  readonly requestBody: CompiledRequestBody;
  readonly pathNormalization: PathNormalization;
}

export function compileConfig(config: ProxyConfig, clusters: ReadonlyMap<string, ClusterEndpoints>): RoutingTable {
  const cluster = (name: string) => {
    const found = clusters.get(name);
    if (found === undefined) throw new Error(`cluster "${name}" was not built`);
    return found;
  };
  const maxInflight = new Map(config.clusters.map((c) => [c.name, c.maxMirrorInflight]));
  const mirrorInflightCap = (name: string) => maxInflight.get(name) ?? 0;
  const routes = config.routes.map((route): CompiledRoute => {
    const mirrors = compileMirrors(route, cluster, mirrorInflightCap);
    let cumulative = 0;
    const forwards = route.route ?? [];
    const destinations = forwards.map((d): CompiledDestination => {
      cumulative += forwards.length === 1 ? 100 : (d.weight ?? 0);
      return {
        cluster: cluster(d.destination.cluster),
        cumulativeWeight: cumulative,
        requestEdits: compileHeaderEdits(route.headers?.request, d.headers?.request),
        responseEdits: compileHeaderEdits(route.headers?.response, d.headers?.response),
      };
    });
    return {
      name: route.name,
      matches: compileRouteMatch(route.match),
      destinations,
      rewrite: compileRewrite(route),
      redirect: compileRedirect(route.redirect),
      responseEdits: compileHeaderEdits(route.headers?.response, undefined),
      timeoutMs: durationToMs(route.timeout),
      retry: compileRetry(route.retries),
      fault: compileFault(route.fault),
      mirrors,
      compares: mirrors.some((mirror) => mirror.compare !== undefined),
      websocket: compileWebSocketPolicy(route.websocket),
    };
  });
  const requestBody = { bufferBytes: config.limits.requestBufferBytes, idleMs: durationToMs(config.listener.requestBodyIdleTimeout) };
  return { config, routes, requestBody, pathNormalization: config.pathNormalization.normalization };
}

function compileFault(fault: RouteConfig['fault']): CompiledFault | undefined {
  if (fault === undefined || (fault.delay === undefined && fault.abort === undefined)) return undefined;
  return {
    delay: fault.delay === undefined ? undefined : { percentage: fault.delay.percentage.value, ms: durationToMs(fault.delay.fixedDelay) },
    abort: fault.abort === undefined ? undefined : { percentage: fault.abort.percentage.value, status: fault.abort.httpStatus },
  };
}
