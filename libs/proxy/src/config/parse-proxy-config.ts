import { formatPath, type Path } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { istioDestinationOf } from './istio-destination';
import { proxyConfigSchema, type ProxyConfig, type RouteConfig } from './proxy-config.schema';

/**
 * Validates against the schema, then checks what a schema cannot: references between
 * routes and clusters, unique names and weights. An unknown cluster is a load error,
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
    if (route.mirror !== undefined && !clusters.has(route.mirror.cluster))
      add(['routes', i, 'mirror', 'cluster'], `"${route.mirror.cluster}" is not a defined cluster`);
  });
  checkIstioDestinations(config, clusters, add);
  if (issues.length > 0) throw new ProxyConfigError(issues);
  return config;
}

/** The clusters a route's copies go to. */
function mirrorClustersOf(route: RouteConfig): string[] {
  return route.mirror === undefined ? [] : [route.mirror.cluster];
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
    for (const dest of route.route) {
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
