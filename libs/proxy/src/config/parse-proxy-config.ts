import { formatPath, type Path } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { proxyConfigSchema, type ProxyConfig } from './proxy-config.schema';
import { type RouteConfig } from './route.schema';

/**
 * Validates against the schema, then checks what a schema cannot: references between
 * routes and clusters, unique names and weights, what a route may combine. An unknown cluster is a load error,
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
    if (route.mirror !== undefined && !clusters.has(route.mirror.cluster))
      add(['routes', i, 'mirror', 'cluster'], `"${route.mirror.cluster}" is not a defined cluster`);
  });
  if (issues.length > 0) throw new ProxyConfigError(issues);
  return config;
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
  for (const key of ['rewrite', 'uriRegexRewrite', 'mirror', 'retries'] as const)
    if (route[key] !== undefined) add([...at, key], 'must not be set with redirect: a redirect is answered by the proxy, never forwarded');
  if (route.headers?.request !== undefined)
    add([...at, 'headers', 'request'], 'must not be set with redirect: a redirect is answered by the proxy, never forwarded');
}
