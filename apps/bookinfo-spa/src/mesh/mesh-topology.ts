import { type ProxyConfig } from '@mirrormesh/proxy';
import { type MeshTopology, type TopologyEdge } from './mesh-dashboard.dto';

/** The graph's source node: this app, whose in-process sidecar sends the traffic. */
export const TOPOLOGY_SOURCE = 'bookinfo-spa';

/**
 * The edges the config in force declares: each route's destinations (weights as
 * percentages of the route's total; a lone destination needs none) and its mirror or each
 * of its mirrors (absent percentage = 100). A cluster reached by several routes keeps its largest share.
 */
export function topologyOf(config: ProxyConfig): MeshTopology {
  const edges = new Map<string, TopologyEdge>();
  const add = (edge: TopologyEdge) => {
    const key = `${edge.kind}:${edge.cluster}`;
    const known = edges.get(key);
    if (known === undefined || known.percentage < edge.percentage) edges.set(key, edge);
  };
  for (const route of config.routes) {
    // A redirect route (no `route`) sends nothing anywhere: no edge.
    const destinations = route.route ?? [];
    const weighted = destinations.some((d) => d.weight !== undefined);
    const total = weighted ? destinations.reduce((sum, d) => sum + (d.weight ?? 0), 0) : destinations.length;
    for (const destination of destinations) {
      const share = weighted ? (destination.weight ?? 0) : 1;
      add({ kind: 'live', cluster: destination.destination.cluster, percentage: total === 0 ? 0 : (share / total) * 100 });
    }
    if (route.mirror !== undefined)
      add({ kind: 'mirror', cluster: route.mirror.cluster, percentage: route.mirrorPercentage?.value ?? 100 });
    for (const mirror of route.mirrors ?? []) add({ kind: 'mirror', cluster: mirror.cluster, percentage: mirror.percentage.value });
  }
  return { source: TOPOLOGY_SOURCE, edges: [...edges.values()] };
}
