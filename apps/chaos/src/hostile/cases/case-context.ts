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

/**
 * The services' body limit (`SERVICE_DEFAULTS.bodyLimitBytes`, 1 MiB: libs/service-kit). Not imported,
 * like the collector's bounds: the case builders stay free of the services' code.
 */
const SERVICE_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fills in what every named case shares: its name says the target and category. A request larger
 * than the services' body limit is answered before it is all sent, and the servers close without
 * lingering: the reset that meets the rest of the body may destroy that answer, so closing without
 * one is correct too.
 */
export function named(
  ctx: CaseContext,
  category: string,
  name: string,
  rest: Omit<HostileCase, 'name' | 'target' | 'category'>,
): HostileCase {
  const bytes = rest.parts.reduce((sum, part) => sum + part.bytes.length, 0);
  const early = bytes > SERVICE_BODY_LIMIT_BYTES;
  return {
    ...rest,
    ...(early
      ? {
          expect: { ...rest.expect, closeWithoutAnswer: true },
          why: rest.why ?? 'a reset may destroy the early answer (no lingering close)',
        }
      : {}),
    name: `${ctx.target} ${category}: ${name}`,
    target: ctx.target,
    category,
  };
}
