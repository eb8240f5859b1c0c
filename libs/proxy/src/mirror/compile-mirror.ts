import { durationToMs } from '../config/duration';
import { type MirrorConfig } from '../config/mirror.schema';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type RouteConfig } from '../config/route.schema';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { MIRROR_CREDENTIAL_HEADERS } from './mirror-headers';

/** One mirror of a route as the request path reads it; each copy to it is its own exchange. */
export interface CompiledMirror {
  readonly cluster: ClusterEndpoints;
  /** Share of requests copied to this mirror, 0–100, drawn per request independently of the route's other mirrors. */
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

/** Shared by every route without mirrors: the request path reads an array, never allocates one. */
const NO_MIRRORS: readonly CompiledMirror[] = Object.freeze([]);

/**
 * A route's mirrors, in the order written. `mirror` + `mirrorPercentage` is the shorthand of a
 * one-entry `mirrors` and compiles to the same list, so the request path has one code path.
 */
export function compileMirrors(
  route: RouteConfig,
  clusterOf: (name: string) => ClusterEndpoints,
  maxInflightOf: (name: string) => number,
): readonly CompiledMirror[] {
  const compile = (mirror: MirrorConfig, percentage: number) =>
    compileMirror(mirror, percentage, clusterOf(mirror.cluster), maxInflightOf(mirror.cluster));
  if (route.mirrors !== undefined) return route.mirrors.map((mirror) => compile(mirror, mirror.percentage.value));
  if (route.mirror !== undefined) return [compile(route.mirror, route.mirrorPercentage?.value ?? PROXY_DEFAULTS.mirrorPercentage)];
  return NO_MIRRORS;
}

function compileMirror(mirror: MirrorConfig, percentage: number, cluster: ClusterEndpoints, maxInflight: number): CompiledMirror {
  const request = mirror.headers?.request;
  const set = Object.entries(request?.set ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const);
  const add = Object.entries(request?.add ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const);
  const drop = new Set([...(request?.remove ?? []).map((k) => k.toLowerCase()), ...set.map(([k]) => k)]);
  if (!mirror.forwardCredentials) for (const name of MIRROR_CREDENTIAL_HEADERS) drop.add(name);
  return {
    cluster,
    percentage,
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
