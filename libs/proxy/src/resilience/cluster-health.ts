/** One endpoint's outlier record. Kept across reloads while its cluster still lists it. */
export interface EndpointHealth {
  consecutive5xx: number;
  consecutiveGateway: number;
  /** Times ejected, lowered by one per `interval` spent in service: the ejection time's multiplier. */
  ejections: number;
  /** Monotonic ms at which it returns to service; 0 while in service. */
  ejectedUntil: number;
  /** When its last ejection ended (0: never ejected). */
  returnedAt: number;
}

/**
 * What a cluster's policy counts, kept per cluster name across reloads so that counters only
 * grow: ejections and overflows, and how many endpoints are ejected now. Requests still on
 * an old config and those on the new one share it.
 */
export class ClusterHealth {
  ejectionsTotal = 0;
  overflowsTotal = 0;
  /** Endpoints ejected now (a lapsed ejection is counted until something looks at it: see sweep). */
  ejected = 0;
  readonly endpoints = new Map<string, EndpointHealth>();

  /** The record of one endpoint, created on first use. */
  endpoint(address: string): EndpointHealth {
    let health = this.endpoints.get(address);
    if (health === undefined) {
      health = { consecutive5xx: 0, consecutiveGateway: 0, ejections: 0, ejectedUntil: 0, returnedAt: 0 };
      this.endpoints.set(address, health);
    }
    return health;
  }

  /** True while the endpoint is ejected; returns it to service once its time is up. */
  isEjected(health: EndpointHealth, now: number): boolean {
    if (health.ejectedUntil === 0) return false;
    if (now < health.ejectedUntil) return true;
    health.returnedAt = health.ejectedUntil;
    health.ejectedUntil = 0;
    this.ejected = Math.max(0, this.ejected - 1);
    return false;
  }

  /** Returns every endpoint whose time is up; the endpoints ejected now. */
  sweep(now: number): number {
    for (const health of this.endpoints.values()) this.isEjected(health, now);
    return this.ejected;
  }

  /** Forgets endpoints the cluster no longer lists. */
  keepOnly(addresses: ReadonlySet<string>): void {
    for (const [address, health] of this.endpoints) {
      if (addresses.has(address)) continue;
      if (health.ejectedUntil !== 0) this.ejected = Math.max(0, this.ejected - 1);
      this.endpoints.delete(address);
    }
  }
}
