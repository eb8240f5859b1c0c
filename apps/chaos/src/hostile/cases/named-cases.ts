import { type HostileCase } from '../hostile-case';
import { bodyCases } from './body-cases';
import { type CaseContext } from './case-context';
import { encodingCases } from './encoding-cases';
import { hostCases } from './host-cases';
import { jsonCases } from './json-cases';
import { limitCases } from './limit-cases';
import { pathCases, routeBypassCases } from './path-cases';
import { smugglingCases } from './smuggling-cases';
import { targetFormCases } from './target-form-cases';

/** Every named case for one endpoint but the slow ones (those run in the background). */
export function namedCases(ctx: CaseContext): HostileCase[] {
  return [
    ...smugglingCases(ctx),
    ...limitCases(ctx),
    ...targetFormCases(ctx),
    ...hostCases(ctx),
    ...(ctx.target === 'collectorTrack' ? [] : pathCases(ctx)),
    ...(ctx.target === 'sidecar' ? routeBypassCases(ctx) : []),
    ...encodingCases(ctx),
    ...bodyCases(ctx),
    ...jsonCases(ctx),
  ];
}

export { slowCases, SLOW_CLIENT_BOUND_MS } from './slow-cases';
export { INTERNAL_PREFIX, INTERNAL_BLOCKED_STATUS } from './path-cases';
export { type CaseContext } from './case-context';
