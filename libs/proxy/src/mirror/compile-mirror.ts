import { durationToMs } from '../config/duration';
import { type MirrorConfig } from '../config/mirror.schema';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type RouteConfig } from '../config/route.schema';
import { type ClusterEndpoints } from '../transport/upstream-pools';
import { compileCompareRules, type CompareRules } from '../diff/compare-rules';
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
  /** The shadow diff of this mirror's answers; undefined unless `compare.enabled` (the request path checks only this). */
  readonly compare: CompiledCompare | undefined;
}

/** A compared mirror: how answers are captured and diffed, and where noise copies go. */
export interface CompiledCompare {
  readonly maxBodyBytes: number;
  readonly rules: CompareRules;
  /** A copy to the second live instance, made like this mirror's copies (same headers and bounds). */
  readonly noise: { readonly mirror: CompiledMirror; readonly percentage: number } | undefined;
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
  const compile = (mirror: MirrorConfig, percentage: number) => {
    const compiled = compileMirror(mirror, percentage, clusterOf(mirror.cluster), maxInflightOf(mirror.cluster));
    const compare = mirror.compare;
    if (compare === undefined || !compare.enabled) return compiled;
    const noise = compare.noise;
    return {
      ...compiled,
      compare: {
        maxBodyBytes: compare.maxBodyBytes,
        rules: compileCompareRules({ ignore: compare.ignore, redact: compare.redact }),
        noise:
          noise === undefined
            ? undefined
            : {
                mirror: compileMirror(mirror, 100, clusterOf(noise.cluster), maxInflightOf(noise.cluster)),
                percentage: noise.percentage.value,
              },
      },
    };
  };
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
    compare: undefined,
  };
}
