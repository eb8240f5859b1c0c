import { type IncomingMessage } from 'node:http';
import { type CompiledRoute, type RoutingTable } from '../config/compiled-config';
import { admitRequest } from '../forwarding/admit-request';
import { LOCAL_ANSWERS, type LocalAnswer } from '../forwarding/local-answers';
import { type MatchInput } from './route-matcher';

/**
 * A routed request: what its route matched on, which a rewrite reads again (the query, when
 * a route parsed it, is parsed once), and the route.
 */
export interface RoutedRequest extends MatchInput {
  readonly route: CompiledRoute;
}

/** The match input before a route is found: one object per request, which becomes the RoutedRequest. */
interface Routing extends MatchInput {
  route: CompiledRoute | undefined;
}

/**
 * Admission then route matching, shared by plain requests and upgrades so that both see the
 * same checks and the same normalised path: the request with its first matching route, or
 * the answer the proxy gives itself (a refused target, a bad path, no route).
 */
export function routeRequest(table: RoutingTable, req: IncomingMessage, url: string, method: string): RoutedRequest | LocalAnswer {
  const path = admitRequest(req, url, method, table.pathNormalization);
  if (typeof path !== 'string') return path;
  const routing: Routing = { path, method, source: req, query: undefined, route: undefined };
  for (const candidate of table.routes) {
    if (candidate.matches(routing)) {
      routing.route = candidate;
      return routing as RoutedRequest;
    }
  }
  return LOCAL_ANSWERS.noRoute;
}

export function isRouted(found: RoutedRequest | LocalAnswer): found is RoutedRequest {
  return 'route' in found;
}
