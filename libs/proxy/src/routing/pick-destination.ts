import { type CompiledRoute } from '../config/compiled-config';
import { type ClusterEndpoints } from '../transport/upstream-pools';

/** Weighted traffic shifting: one draw in [0, 100) against the cumulative weights. */
export function pickDestination(route: CompiledRoute): ClusterEndpoints {
  const destinations = route.destinations;
  if (destinations.length === 1) return (destinations[0] as (typeof destinations)[number]).cluster;
  const draw = Math.random() * 100;
  for (const destination of destinations) if (draw < destination.cumulativeWeight) return destination.cluster;
  return (destinations[destinations.length - 1] as (typeof destinations)[number]).cluster;
}
