import { CLIENT_ERRORS, GATEWAY_STATUSES, NOT_IMPLEMENTED, SUCCESSES, type Expectation } from './hostile-case';

/**
 * What any mutated request may get: a success or redirect (a mutation can leave a request
 * valid), any 4xx, 501/505, or an honest 502/503/504; never a 500. A close without an answer
 * only when the mutation left the message incomplete (RFC 9112 §8: the server cannot answer a
 * message that never ended) or asked for a tunnel the server refuses.
 */
export function generatedExpectation(flags: { incomplete: boolean; tunnel: boolean }): Expectation {
  return {
    statuses: [...SUCCESSES, ...CLIENT_ERRORS, ...NOT_IMPLEMENTED, ...GATEWAY_STATUSES],
    closeWithoutAnswer: flags.incomplete || flags.tunnel,
  };
}
