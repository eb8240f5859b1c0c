import { formatPath, type Path } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { durationToMs } from './duration';
import { proxyConfigSchema, type ProxyConfig } from './proxy-config.schema';

/**
 * Validates against the schema, then checks what a schema cannot: references between
 * routes and clusters, unique names, weights, a per-try timeout within its route's. An unknown cluster is a load error,
 * never a runtime surprise (Envoy's rule).
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
    // Envoy caps a longer per-try timeout at the route's; here it is an error, as it could never fire.
    const perTry = route.retries?.perTryTimeout;
    if (perTry !== undefined && durationToMs(perTry) > durationToMs(route.timeout))
      add(['routes', i, 'retries', 'perTryTimeout'], `must be at most the route's timeout (${route.timeout}): a longer one never fires`);
    if (route.mirror !== undefined && !clusters.has(route.mirror.cluster))
      add(['routes', i, 'mirror', 'cluster'], `"${route.mirror.cluster}" is not a defined cluster`);
  });
  if (issues.length > 0) throw new ProxyConfigError(issues);
  return config;
}
