import { formatPath, type Path } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { type ClusterConfig } from './cluster.schema';
import { type CompareConfig } from './compare.schema';
import { durationToMs } from './duration';
import { istioDestinationOf } from './istio-destination';
import { proxyConfigSchema, type ProxyConfig } from './proxy-config.schema';
import { type RouteConfig } from './route.schema';

/** Keys kept from before connectionPool, and where each one lives now. */
const POOL_ALIASES = [
  { alias: 'connections', group: 'tcp', key: 'maxConnections' },
  { alias: 'connectTimeout', group: 'tcp', key: 'connectTimeout' },
  { alias: 'keepAliveTimeout', group: 'http', key: 'idleTimeout' },
] as const;

/**
 * Validates against the schema, then checks what a schema cannot: references between
 * routes and clusters, unique names, weights, a route's mirrors, a per-try timeout within its
 * route's and what a route may combine. An unknown cluster is a load error, never a runtime
 * surprise (Envoy's rule).
 */
export function parseProxyConfig(input: unknown): ProxyConfig {
  const result = proxyConfigSchema.safeParse(input);
  if (!result.ok) throw new ProxyConfigError(result.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const config = result.value;
  const issues: { path: string; message: string }[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatPath(path), message });

  const clusters = new Set<string>();
  const rawClusters = (input as { clusters: Record<string, unknown>[] }).clusters;
  config.clusters.forEach((cluster, i) => {
    if (clusters.has(cluster.name)) add(['clusters', i, 'name'], `"${cluster.name}" is defined twice`);
    clusters.add(cluster.name);
    // The schema fills connectionPool's defaults: only the raw input says whether a key was given.
    const rawPool = rawClusters[i]?.['connectionPool'] as Record<string, Record<string, unknown> | undefined> | undefined;
    for (const { alias, group, key } of POOL_ALIASES) {
      if (cluster[alias] !== undefined && rawPool?.[group]?.[key] !== undefined)
        add(['clusters', i, alias], `and clusters[${i}].connectionPool.${group}.${key} are the same setting: give only one`);
    }
    const outlier = cluster.outlierDetection;
    if (outlier !== undefined && outlier.consecutive5xxErrors === 0 && outlier.consecutiveGatewayErrors === 0)
      add(['clusters', i, 'outlierDetection'], 'would never eject: set consecutive5xxErrors or consecutiveGatewayErrors above 0');
  });
  const routes = new Set<string>();
  config.routes.forEach((route, i) => {
    if (routes.has(route.name)) add(['routes', i, 'name'], `"${route.name}" is defined twice`);
    routes.add(route.name);
    checkRouteOrRedirect(route, ['routes', i], add);
    const destinations = route.route ?? [];
    destinations.forEach((dest, j) => {
      if (!clusters.has(dest.destination.cluster))
        add(['routes', i, 'route', j, 'destination', 'cluster'], `"${dest.destination.cluster}" is not a defined cluster`);
    });
    if (destinations.length > 1) {
      const missing = destinations.findIndex((dest) => dest.weight === undefined);
      if (missing >= 0) add(['routes', i, 'route', missing, 'weight'], 'is required when a route has several destinations');
      else {
        const total = destinations.reduce((sum, dest) => sum + (dest.weight ?? 0), 0);
        if (total !== 100) add(['routes', i, 'route'], `weights must add up to 100 (got ${total})`);
      }
    }
    // Envoy caps a longer per-try timeout at the route's; here it is an error, as it could never fire.
    const perTry = route.retries?.perTryTimeout;
    if (perTry !== undefined && durationToMs(perTry) > durationToMs(route.timeout))
      add(['routes', i, 'retries', 'perTryTimeout'], `must be at most the route's timeout (${route.timeout}): a longer one never fires`);
    checkMirrors(route, ['routes', i], clusters, add);
  });
  checkIstioDestinations(config, clusters, add);
  if (issues.length > 0) throw new ProxyConfigError(issues);
  return { ...config, clusters: config.clusters.map(withAliasesMoved) };
}

/** The config in force names each pool setting once, under connectionPool, so it parses to itself. */
function withAliasesMoved(cluster: ClusterConfig): ClusterConfig {
  const { connections, connectTimeout, keepAliveTimeout, ...rest } = cluster;
  if (connections === undefined && connectTimeout === undefined && keepAliveTimeout === undefined) return cluster;
  const { tcp, http } = cluster.connectionPool;
  return {
    ...rest,
    connectionPool: {
      tcp: { maxConnections: connections ?? tcp.maxConnections, connectTimeout: connectTimeout ?? tcp.connectTimeout },
      http: { ...http, idleTimeout: keepAliveTimeout ?? http.idleTimeout },
    },
  };
}

/**
 * `mirror` (+ `mirrorPercentage`) is the shorthand of a one-entry `mirrors`: a route says one
 * or the other. Each mirror names a defined cluster, and a cluster at most once per route:
 * two copies of one request to one cluster would only double its load and its figures.
 */
function checkMirrors(route: RouteConfig, at: Path, clusters: ReadonlySet<string>, add: (path: Path, message: string) => void): void {
  if (route.mirror !== undefined && !clusters.has(route.mirror.cluster))
    add([...at, 'mirror', 'cluster'], `"${route.mirror.cluster}" is not a defined cluster`);
  if (route.mirror !== undefined) checkNoiseCluster(route.mirror, [...at, 'mirror'], clusters, add);
  route.mirrors?.forEach((mirror, j) => checkNoiseCluster(mirror, [...at, 'mirrors', j], clusters, add));
  // A share of no mirror: the user meant a mirror that is missing (or misspelt), which copies nothing.
  if (route.mirrorPercentage !== undefined && route.mirror === undefined && route.mirrors === undefined)
    add([...at, 'mirrorPercentage'], `applies to ${formatPath([...at, 'mirror'])}, which is not given`);
  if (route.mirrors === undefined) return;
  if (route.mirror !== undefined)
    add([...at, 'mirrors'], `cannot be given with ${formatPath([...at, 'mirror'])} (mirror is the shorthand of a one-entry mirrors)`);
  if (route.mirrorPercentage !== undefined)
    add([...at, 'mirrorPercentage'], `applies to mirror only: give each of ${formatPath([...at, 'mirrors'])} its own percentage`);
  const named = new Set<string>();
  route.mirrors.forEach((mirror, j) => {
    if (!clusters.has(mirror.cluster)) add([...at, 'mirrors', j, 'cluster'], `"${mirror.cluster}" is not a defined cluster`);
    else if (named.has(mirror.cluster)) add([...at, 'mirrors', j, 'cluster'], `"${mirror.cluster}" is named twice in this route's mirrors`);
    named.add(mirror.cluster);
  });
}

/**
 * The noise cluster is a second instance of the live version: a cluster of the config (an
 * unknown one is a load error), and never the candidate itself (its noise would be its own signal).
 */
function checkNoiseCluster(
  mirror: { readonly cluster: string; readonly compare?: CompareConfig | undefined },
  at: Path,
  clusters: ReadonlySet<string>,
  add: (path: Path, message: string) => void,
): void {
  const noise = mirror.compare?.noise;
  if (noise === undefined) return;
  const where = [...at, 'compare', 'noise', 'cluster'];
  if (!clusters.has(noise.cluster)) add(where, `"${noise.cluster}" is not a defined cluster`);
  else if (noise.cluster === mirror.cluster)
    add(where, `"${noise.cluster}" is the mirror's own cluster: the noise cluster runs the live version a second time`);
}

/**
 * Istio's rules for an HTTPRoute: it either forwards (`route`) or answers a redirect, never
 * both; a redirect is not forwarded, so what only applies upstream (rewrite, request
 * headers, mirror, retries) is refused beside it rather than silently ignored.
 */
function checkRouteOrRedirect(route: RouteConfig, at: Path, add: (path: Path, message: string) => void): void {
  if (route.rewrite?.uri !== undefined && route.uriRegexRewrite !== undefined)
    add([...at, 'uriRegexRewrite'], 'must not be set with rewrite.uri: a path is rewritten one way');
  if (route.redirect === undefined) {
    if (route.route === undefined) add([...at, 'route'], 'is required unless the route answers a redirect');
    return;
  }
  if (route.route !== undefined) add([...at, 'redirect'], 'must not be set with route: a route either forwards or redirects');
  for (const key of ['rewrite', 'uriRegexRewrite', 'mirror', 'mirrors', 'retries'] as const)
    if (route[key] !== undefined) add([...at, key], 'must not be set with redirect: a redirect is answered by the proxy, never forwarded');
  if (route.headers?.request !== undefined)
    add([...at, 'headers', 'request'], 'must not be set with redirect: a redirect is answered by the proxy, never forwarded');
}

/** The clusters a route's copies go to: its mirrors, and the noise clusters of compared ones (their copies are copies too). */
function mirrorClustersOf(route: RouteConfig): string[] {
  const mirrors = [...(route.mirror === undefined ? [] : [route.mirror]), ...(route.mirrors ?? [])];
  return mirrors.flatMap((mirror) => {
    const noise = mirror.compare?.enabled === true ? mirror.compare.noise?.cluster : undefined;
    return noise === undefined ? [mirror.cluster] : [mirror.cluster, noise];
  });
}

/**
 * Istio labels name clusters that exist, and a mirror cluster never shares a live cluster's
 * workload: its copies would count as that workload's traffic in Flagger's request-success-rate.
 */
function checkIstioDestinations(config: ProxyConfig, clusters: ReadonlySet<string>, add: (path: Path, message: string) => void): void {
  const istio = config.telemetry.istioMetrics;
  const at = (cluster: string): Path => ['telemetry', 'istioMetrics', 'destinations', cluster];
  for (const cluster of Object.keys(istio.destinations)) if (!clusters.has(cluster)) add(at(cluster), 'is not a defined cluster');
  if (!istio.enabled) return;
  const liveByWorkload = new Map<string, string>();
  for (const route of config.routes)
    for (const dest of route.route ?? []) {
      const { namespace, workload } = istioDestinationOf(istio, dest.destination.cluster);
      liveByWorkload.set(`${namespace}/${workload}`, dest.destination.cluster);
    }
  const reported = new Set<string>();
  for (const mirror of config.routes.flatMap(mirrorClustersOf)) {
    if (reported.has(mirror)) continue;
    const { namespace, workload } = istioDestinationOf(istio, mirror);
    const live = liveByWorkload.get(`${namespace}/${workload}`);
    if (live === undefined) continue;
    reported.add(mirror);
    add(
      at(mirror),
      `gives mirror cluster "${mirror}" the workload "${workload}" of live cluster "${live}": its copies would count as live traffic; give it a workload of its own`,
    );
  }
}
