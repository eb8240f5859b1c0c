import { type OutgoingHttpHeaders } from 'node:http';
import { type HeaderOperations } from '../config/header-operations.schema';

/** One Istio HeaderOperations block, compiled: lowercase names, in the order Envoy applies them. */
export interface HeaderEdits {
  /** Removed first: `remove`, and the names `set` replaces (Envoy: remove before set). */
  readonly remove: ReadonlySet<string>;
  readonly set: readonly (readonly [string, string])[];
  readonly add: readonly (readonly [string, string])[];
}

/** The blocks that apply to one destination, in order: the route's, then the destination's. */
export type HeaderEditChain = readonly HeaderEdits[];

function compileOne(ops: HeaderOperations | undefined): HeaderEdits | undefined {
  if (ops === undefined) return undefined;
  const set = Object.entries(ops.set ?? {}).map(([name, value]) => [name.toLowerCase(), value] as const);
  const add = Object.entries(ops.add ?? {}).map(([name, value]) => [name.toLowerCase(), value] as const);
  const remove = new Set([...(ops.remove ?? []).map((name) => name.toLowerCase()), ...set.map(([name]) => name)]);
  if (remove.size === 0 && add.length === 0) return undefined;
  return { remove, set, add };
}

/** The chain for route then destination; undefined when neither edits anything, so such requests pay nothing. */
export function compileHeaderEdits(
  route: HeaderOperations | undefined,
  destination: HeaderOperations | undefined,
): HeaderEditChain | undefined {
  const chain = [compileOne(route), compileOne(destination)].filter((e): e is HeaderEdits => e !== undefined);
  return chain.length === 0 ? undefined : chain;
}

/** Edits the flat [name, value, ...] list that goes upstream (and that the mirror copy is built from). */
export function editRequestHeaders(list: string[], chain: HeaderEditChain): void {
  for (const edits of chain) {
    if (edits.remove.size > 0)
      for (let i = list.length - 2; i >= 0; i -= 2) if (edits.remove.has((list[i] as string).toLowerCase())) list.splice(i, 2);
    for (const [name, value] of edits.set) list.push(name, value);
    for (const [name, value] of edits.add) list.push(name, value);
  }
}

/** Edits the response headers (lowercase names, as undici gives them) before they are written to the client. */
export function editResponseHeaders(headers: OutgoingHttpHeaders, chain: HeaderEditChain): void {
  for (const edits of chain) {
    for (const name of edits.remove) delete headers[name];
    for (const [name, value] of edits.set) headers[name] = value;
    for (const [name, value] of edits.add) {
      const existing = headers[name];
      if (existing === undefined) headers[name] = value;
      else if (Array.isArray(existing)) headers[name] = [...existing, value];
      else headers[name] = [String(existing), value];
    }
  }
}
