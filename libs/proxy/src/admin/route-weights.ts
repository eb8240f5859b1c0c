import { type ProxyConfig } from '../config/proxy-config.schema';
import { ProxyConfigError } from '../errors';

/** A route's destinations as `PUT /routes/<name>/weights` takes them: cluster → weight (checked by the config's rules). */
export type RouteWeights = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The body must be `{"weights": {"<cluster>": <weight>, ...}}`; the weights themselves are
 * checked by the config's own rules once the whole config is built (same paths, same words).
 */
export function weightsOf(body: unknown): RouteWeights {
  if (!isObject(body))
    throw new ProxyConfigError([{ path: '', message: 'must be an object: {"weights": {"<cluster>": <weight>}}' }], 'body');
  const unknown = Object.keys(body).find((key) => key !== 'weights');
  if (unknown !== undefined) throw new ProxyConfigError([{ path: unknown, message: 'is not a known key (expected only "weights")' }]);
  if (!isObject(body.weights)) throw new ProxyConfigError([{ path: 'weights', message: 'must be an object of cluster names to weights' }]);
  return body.weights;
}

/**
 * The whole config with one route's destinations replaced by exactly the clusters given
 * (Istio's `route[].destination` + `weight`), in the order given; a destination kept keeps
 * what else it had (its header operations). Unvalidated: the caller passes it through
 * `proxy.reload`, which parses it as it parses a config file.
 */
export function withRouteWeights(config: ProxyConfig, index: number, weights: RouteWeights): unknown {
  const rewrite = (current: NonNullable<ProxyConfig['routes'][number]['route']>) => {
    const kept = new Map(current.map((d) => [d.destination.cluster, d]));
    return Object.entries(weights).map(([cluster, weight]) => ({ ...kept.get(cluster), destination: { cluster }, weight }));
  };
  return { ...config, routes: config.routes.map((r, i) => (i === index ? { ...r, route: rewrite(r.route ?? []) } : r)) };
}

/** A route's weights for the log line (a single destination without a weight has all of it). */
export function currentWeights(config: ProxyConfig, index: number): Record<string, number> {
  const route = config.routes[index]?.route ?? [];
  return Object.fromEntries(route.map((d) => [d.destination.cluster, d.weight ?? (route.length === 1 ? 100 : 0)]));
}
