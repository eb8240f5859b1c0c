export { generateCases, DEFAULT_SEED } from './case-generator';
export { judge, type Verdict } from './case-verdict';
export { namedCases, slowCases, SLOW_CLIENT_BOUND_MS } from './cases/named-cases';
export { type HostileCase, type TargetName, TARGET_NAMES } from './hostile-case';
export { startHostileTargets, type HostileTargets, type HostileEndpoint } from './hostile-targets';
export { emptySummary, recordResults, describeFailures, writeSummary, type HostileSummary } from './hostile-summary';
export { runCases, type CaseResult } from './run-cases';
export { validRequests } from './valid-requests';
