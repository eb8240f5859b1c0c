import { type CompiledFault } from '../config/compiled-config';

/** What Istio's fault filter decided for one request: an abort status and/or a delay. */
export interface FaultDecision {
  readonly abortStatus: number | undefined;
  readonly delayMs: number;
}

const NO_FAULT: FaultDecision = { abortStatus: undefined, delayMs: 0 };

function hit(percentage: number): boolean {
  return percentage >= 100 || (percentage > 0 && Math.random() * 100 < percentage);
}

/** Delay and abort are drawn independently, as in Envoy; an aborted request is not delayed. */
export function decideFault(fault: CompiledFault | undefined): FaultDecision {
  if (fault === undefined) return NO_FAULT;
  const abortStatus = fault.abort !== undefined && hit(fault.abort.percentage) ? fault.abort.status : undefined;
  const delayMs = abortStatus === undefined && fault.delay !== undefined && hit(fault.delay.percentage) ? fault.delay.ms : 0;
  return abortStatus === undefined && delayMs === 0 ? NO_FAULT : { abortStatus, delayMs };
}
