/** The route a canary run shifts, and the weights it finds there. */
export interface RouteTarget {
  readonly route: string;
  /** The route's destinations now, cluster → weight. */
  readonly weights: Readonly<Record<string, number>>;
  /** The clusters the route mirrors to (shadow mode reads the canary's mirror stats). */
  readonly mirrors: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

function destinations(route: Record<string, unknown>): Record<string, number> {
  const list = objects(route.route);
  return Object.fromEntries(
    list.map((d) => [
      isObject(d.destination) ? String(d.destination.cluster) : '',
      typeof d.weight === 'number' ? d.weight : list.length === 1 ? 100 : 0,
    ]),
  );
}

function mirrorsOf(route: Record<string, unknown>): string[] {
  const one = isObject(route.mirror) ? [route.mirror] : [];
  return [...one, ...objects(route.mirrors)].map((m) => String(m.cluster ?? (isObject(m.destination) ? m.destination.cluster : '')));
}

/**
 * Finds the route from the sidecar's GET /config: the one named, or else the only route whose
 * destinations include the primary. Both clusters must be defined; in shadow mode the route
 * must mirror to the canary. Returns the problem in words otherwise.
 */
export function findRouteTarget(
  config: unknown,
  spec: { primary: string; canary: string; route: string | undefined; shadow: boolean },
): RouteTarget | string {
  const root = isObject(config) ? config : {};
  const clusters = new Set(objects(root.clusters).map((c) => String(c.name)));
  for (const name of [spec.primary, spec.canary])
    if (!clusters.has(name))
      return `cluster "${name}" is not defined in the sidecar's config (clusters: ${[...clusters].join(', ') || 'none'})`;
  const routes = objects(root.routes).map((r) => ({ name: String(r.name ?? ''), weights: destinations(r), mirrors: mirrorsOf(r) }));
  let chosen;
  if (spec.route !== undefined) {
    chosen = routes.find((r) => r.name === spec.route);
    if (chosen === undefined) return `route "${spec.route}" is not defined (routes: ${routes.map((r) => r.name).join(', ') || 'none'})`;
    if (!(spec.primary in chosen.weights)) return `route "${spec.route}" does not route to the primary "${spec.primary}"`;
  } else {
    const candidates = routes.filter((r) => spec.primary in r.weights);
    if (candidates.length !== 1)
      return candidates.length === 0
        ? `no route sends traffic to the primary "${spec.primary}"`
        : `several routes send traffic to "${spec.primary}" (${candidates.map((r) => r.name).join(', ')}): choose one with --route`;
    chosen = candidates[0] as (typeof candidates)[number];
  }
  if (spec.shadow && !chosen.mirrors.includes(spec.canary))
    return `route "${chosen.name}" does not mirror to "${spec.canary}": shadow mode analyses mirrored traffic (add a mirror to the route)`;
  return { route: chosen.name, weights: chosen.weights, mirrors: chosen.mirrors };
}
