import { type IncomingMessage } from 'node:http';
import { type CompiledRoute, type RoutingTable } from '../config/compiled-config';
import { admitRequest } from '../forwarding/admit-request';
import { LOCAL_ANSWERS, type LocalAnswer } from '../forwarding/local-answers';

/**
 * Admission then route matching, shared by plain requests and upgrades so that both see the
 * same checks and the same normalised path: the first matching route, or the answer the proxy
 * gives itself (a refused target, a bad path, no route).
 */
export function routeRequest(table: RoutingTable, req: IncomingMessage, url: string, method: string): CompiledRoute | LocalAnswer {
  const path = admitRequest(req, url, method, table.pathNormalization);
  if (typeof path !== 'string') return path;
  const input = { path, method, source: req };
  for (const candidate of table.routes) if (candidate.matches(input)) return candidate;
  return LOCAL_ANSWERS.noRoute;
}

export function isRoute(found: CompiledRoute | LocalAnswer): found is CompiledRoute {
  return 'matches' in found;
}
