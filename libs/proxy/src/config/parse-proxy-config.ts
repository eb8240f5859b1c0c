import { formatPath, type Path } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { proxyConfigSchema, type ProxyConfig, type RouteConfig } from './proxy-config.schema';

/**
 * Validates against the schema, then checks what a schema cannot: references between
 * routes and clusters, unique names, weights and a route's mirrors. An unknown cluster is
 * a load error, never a runtime surprise (Envoy's rule).
 */
export function parseProxyConfig(input: unknown): ProxyConfig {
  const result = proxyConfigSchema.safeParse(input);
  if (!result.ok) throw new ProxyConfigError(result.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const config = result.value;
  const issues: { path: string; message: string }[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatPath(path), message });

  const clusters = new Set<string>();
  config.clusters.forEach((cluster, i) => {
    if (clusters.has(cluster.name)) add(['clusters', i, 'name'], `"${cluster.name}" is defined twice`);
    clusters.add(cluster.name);
  });
  const routes = new Set<string>();
  config.routes.forEach((route, i) => {
    if (routes.has(route.name)) add(['routes', i, 'name'], `"${route.name}" is defined twice`);
    routes.add(route.name);
    route.route.forEach((dest, j) => {
      if (!clusters.has(dest.destination.cluster))
        add(['routes', i, 'route', j, 'destination', 'cluster'], `"${dest.destination.cluster}" is not a defined cluster`);
    });
    if (route.route.length > 1) {
      const missing = route.route.findIndex((dest) => dest.weight === undefined);
      if (missing >= 0) add(['routes', i, 'route', missing, 'weight'], 'is required when a route has several destinations');
      else {
        const total = route.route.reduce((sum, dest) => sum + (dest.weight ?? 0), 0);
        if (total !== 100) add(['routes', i, 'route'], `weights must add up to 100 (got ${total})`);
      }
    }
    checkMirrors(route, ['routes', i], clusters, add);
  });
  if (issues.length > 0) throw new ProxyConfigError(issues);
  return config;
}

/**
 * `mirror` (+ `mirrorPercentage`) is the shorthand of a one-entry `mirrors`: a route says one
 * or the other. Each mirror names a defined cluster, and a cluster at most once per route:
 * two copies of one request to one cluster would only double its load and its figures.
 */
function checkMirrors(route: RouteConfig, at: Path, clusters: ReadonlySet<string>, add: (path: Path, message: string) => void): void {
  if (route.mirror !== undefined && !clusters.has(route.mirror.cluster))
    add([...at, 'mirror', 'cluster'], `"${route.mirror.cluster}" is not a defined cluster`);
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
