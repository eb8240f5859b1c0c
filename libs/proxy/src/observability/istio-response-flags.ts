import { type ExchangeEvent } from './channels';

/** No flag: Envoy's `%RESPONSE_FLAGS%` prints "-". */
export const NO_RESPONSE_FLAGS = '-';

/**
 * Envoy's response flags for our error codes, as Istio's `response_flags` label carries them:
 * UF upstream connection failure, UT upstream timeout, UR upstream reset, DC downstream
 * connection termination, NR no route, FI fault injected. Codes without an Envoy flag are "-".
 */
const FLAGS: Readonly<Record<string, string>> = {
  UPSTREAM_REFUSED: 'UF',
  UPSTREAM_UNRESOLVED: 'UF',
  UPSTREAM_CONNECT_TIMEOUT: 'UF',
  UPSTREAM_TIMEOUT: 'UT',
  UPSTREAM_RESET: 'UR',
  CLIENT_ABORTED: 'DC',
  NO_ROUTE: 'NR',
  FAULT_INJECTED: 'FI',
};

export function responseFlagsOf(event: Pick<ExchangeEvent, 'errorCode'>): string {
  return event.errorCode === undefined ? NO_RESPONSE_FLAGS : (FLAGS[event.errorCode] ?? NO_RESPONSE_FLAGS);
}
