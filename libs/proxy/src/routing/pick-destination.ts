import { type CompiledDestination, type CompiledRoute } from '../config/compiled-config';

/** Weighted traffic shifting: one draw in [0, 100) against the cumulative weights. A route that forwards has at least one. */
export function pickDestination(route: CompiledRoute): CompiledDestination {
  const destinations = route.destinations;
  if (destinations.length === 1) return destinations[0] as CompiledDestination;
  const draw = Math.random() * 100;
  for (const destination of destinations) if (draw < destination.cumulativeWeight) return destination;
  return destinations[destinations.length - 1] as CompiledDestination;
}
