import { type PathNormalization } from '../routing/normalize-path';
import { compileRouteMatch, type RequestPredicate } from '../routing/route-matcher';
import { MIRROR_CREDENTIAL_HEADERS } from '../mirror/mirror-headers';
import { compileRetry, type CompiledRetry } from '../resilience/compile-retry';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { durationToMs } from './duration';
import { type ProxyConfig, type RouteConfig } from './proxy-config.schema';

export interface CompiledDestination {
  readonly cluster: ClusterEndpoints;
  /** Upper bound (exclusive) of this destination's slice of 0–100. */
  readonly cumulativeWeight: number;
}

export interface CompiledFault {
  readonly delay: { readonly percentage: number; readonly ms: number } | undefined;
  readonly abort: { readonly percentage: number; readonly status: number } | undefined;
}

export interface CompiledMirror {
  readonly cluster: ClusterEndpoints;
  readonly percentage: number;
  readonly shadowHostSuffix: boolean;
  readonly set: readonly (readonly [string, string])[];
  readonly add: readonly (readonly [string, string])[];
  /** Lowercase names removed from, or replaced in, the copy (credentials unless forwarded). */
  readonly drop: ReadonlySet<string>;
  readonly methods: ReadonlySet<string> | undefined;
  readonly maxBodyBytes: number;
  readonly timeoutMs: number;
  readonly maxInflight: number;
}

export interface CompiledRoute {
  readonly name: string;
  readonly matches: RequestPredicate;
  readonly destinations: readonly CompiledDestination[];
  readonly timeoutMs: number;
  readonly retry: CompiledRetry | undefined;
  readonly fault: CompiledFault | undefined;
  readonly mirror: CompiledMirror | undefined;
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
  const routes = config.routes.map((route): CompiledRoute => {
    let cumulative = 0;
    const destinations = route.route.map((d) => {
      cumulative += route.route.length === 1 ? 100 : (d.weight ?? 0);
      return { cluster: cluster(d.destination.cluster), cumulativeWeight: cumulative };
    });
    return {
      name: route.name,
      matches: compileRouteMatch(route.match),
      destinations,
      timeoutMs: durationToMs(route.timeout),
      retry: compileRetry(route.retries),
      fault: compileFault(route.fault),
      mirror:
        route.mirror === undefined
          ? undefined
          : compileMirror(route, cluster(route.mirror.cluster), maxInflight.get(route.mirror.cluster) ?? 0),
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

function compileMirror(route: RouteConfig, cluster: ClusterEndpoints, maxInflight: number): CompiledMirror {
  const mirror = route.mirror as NonNullable<RouteConfig['mirror']>;
  const request = mirror.headers?.request;
  const set = Object.entries(request?.set ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const);
  const add = Object.entries(request?.add ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const);
  const drop = new Set([...(request?.remove ?? []).map((k) => k.toLowerCase()), ...set.map(([k]) => k)]);
  if (!mirror.forwardCredentials) for (const name of MIRROR_CREDENTIAL_HEADERS) drop.add(name);
  return {
    cluster,
    percentage: route.mirrorPercentage?.value ?? 100,
    shadowHostSuffix: mirror.shadowHostSuffix,
    set,
    add,
    drop,
    methods: mirror.methods === undefined ? undefined : new Set(mirror.methods),
    maxBodyBytes: mirror.maxBodyBytes,
    timeoutMs: durationToMs(mirror.timeout),
    maxInflight,
  };
}
