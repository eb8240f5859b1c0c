import { CLIENT_ERRORS, GATEWAY_STATUSES, SUCCESSES, type HostileCase, type TargetName } from '../hostile-case';

/** What a named-case builder needs to know about the endpoint it attacks. */
export interface CaseContext {
  readonly target: TargetName;
  /** `127.0.0.1:port`, the Host a well-behaved client sends. */
  readonly authority: string;
}

/** A GET path that reaches the book service on this target (through the proxy where there is one). */
export function booksPath(target: TargetName, rest = '/books/1'): string {
  if (target === 'bookinfoSpa') return `/api${rest}`;
  if (target === 'collectorQuery') return '/query/stats';
  if (target === 'collectorTrack') return '/v2.1/track';
  return rest;
}

/** The POST path a body goes to on this target. */
export function postPath(target: TargetName): string {
  if (target === 'collectorTrack') return '/v2.1/track';
  if (target === 'collectorQuery') return '/query/stats';
  return booksPath(target, '/books');
}

/** Targets that forward to the book service: what reaches it there is visible upstream. */
export function isProxy(target: TargetName): boolean {
  return target === 'sidecar' || target === 'bookinfoSpa';
}

/** A request that is valid HTTP but odd: any success or refusal, a gateway answer, never 500. */
export const ANY_SANE = [...SUCCESSES, ...CLIENT_ERRORS, ...GATEWAY_STATUSES];

/** Fills in what every named case shares: its name says the target and category. */
export function named(
  ctx: CaseContext,
  category: string,
  name: string,
  rest: Omit<HostileCase, 'name' | 'target' | 'category'>,
): HostileCase {
  return { ...rest, name: `${ctx.target} ${category}: ${name}`, target: ctx.target, category };
}
