import { type Clock } from '../mirror/mirror-breaker';
import { attemptKind } from './attempt-outcome';
import { type ClusterHealth, type EndpointHealth } from './cluster-health';

/** A cluster's outlierDetection, durations in ms. */
export interface OutlierSettings {
  /** 0 = off. */
  readonly consecutive5xx: number;
  /** 0 = off. */
  readonly consecutiveGateway: number;
  readonly intervalMs: number;
  readonly baseEjectionMs: number;
  /** The longest one ejection lasts. */
  readonly maxEjectionMs: number;
  readonly maxEjectionPercent: number;
}

/**
 * Envoy's consecutive-5xx and consecutive-gateway-failure detectors for one cluster. An
 * endpoint that fails N attempts in a row is ejected for baseEjectionTime × the times it has
 * been ejected (bounded), unless maxEjectionPercent of the cluster is out already; it returns
 * once that time is up. Instead of Envoy's sweep every `interval`, an ejection is looked at
 * when the balancer meets it, so an endpoint returns as soon as its time is up (Envoy: at
 * the next sweep); `interval` keeps its other role, each one spent in service lowers the
 * multiplier by one.
 */
export class OutlierDetector {
  constructor(
    private readonly settings: OutlierSettings,
    private readonly health: ClusterHealth,
    /** Endpoints in the cluster (for maxEjectionPercent). */
    private readonly size: number,
    private readonly now: Clock,
  ) {}

  /** Cheap test first: the clock is read only while some endpoint is ejected. */
  isEjected(endpoint: EndpointHealth): boolean {
    return this.health.ejected > 0 && endpoint.ejectedUntil !== 0 && this.health.isEjected(endpoint, this.now());
  }

  /** One attempt on this endpoint ended: its status, or the error that ended it. */
  record(endpoint: EndpointHealth, outcome: number | Error): void {
    const kind = attemptKind(outcome);
    // Answers to requests sent before the ejection change nothing: it returns with a clean record.
    if (kind === undefined || this.isEjected(endpoint)) return;
    if (kind === 'success') {
      endpoint.consecutive5xx = 0;
      endpoint.consecutiveGateway = 0;
      return;
    }
    if (kind === 'gateway') endpoint.consecutiveGateway += 1;
    else endpoint.consecutiveGateway = 0;
    endpoint.consecutive5xx += 1;
    const { consecutive5xx, consecutiveGateway } = this.settings;
    if (
      (consecutive5xx > 0 && endpoint.consecutive5xx >= consecutive5xx) ||
      (consecutiveGateway > 0 && endpoint.consecutiveGateway >= consecutiveGateway)
    )
      this.eject(endpoint);
  }

  private eject(endpoint: EndpointHealth): void {
    endpoint.consecutive5xx = 0;
    endpoint.consecutiveGateway = 0;
    const now = this.now();
    const { intervalMs, baseEjectionMs, maxEjectionMs, maxEjectionPercent } = this.settings;
    // Envoy's rule: eject while the share already out is below the cap, so one endpoint can always go (cap above 0).
    if ((100 * this.health.sweep(now)) / this.size >= maxEjectionPercent) return;
    if (endpoint.returnedAt > 0)
      endpoint.ejections = Math.max(0, endpoint.ejections - Math.floor((now - endpoint.returnedAt) / intervalMs));
    endpoint.ejections = Math.min(endpoint.ejections + 1, Math.ceil(maxEjectionMs / baseEjectionMs));
    endpoint.ejectedUntil = now + Math.min(baseEjectionMs * endpoint.ejections, maxEjectionMs);
    this.health.ejected += 1;
    this.health.ejectionsTotal += 1;
  }
}
