import { type Pool } from 'undici';
import { type ClusterHealth, type EndpointHealth } from '../resilience/cluster-health';
import { type LoadBalancer } from '../resilience/load-balancer';
import { type OutlierDetector } from '../resilience/outlier-detector';
import { type ConnectionSlots, type SlotWaiter } from './connection-slots';

/** One upstream endpoint of a cluster: its keep-alive pool, the slots that hand out its connections, its outlier record. */
export interface Endpoint {
  /** `host:port` as configured: upgraded (WebSocket) connections dial it directly. */
  readonly address: string;
  readonly pool: Pool;
  readonly slots: ConnectionSlots;
  /** Undefined when the cluster does not detect outliers. */
  readonly health: EndpointHealth | undefined;
  load(): number;
}

/** The cluster-level policy of one config: balancing, outlier detection, the pending limit. */
export interface ClusterPolicy {
  readonly balancer: LoadBalancer<Endpoint>;
  readonly detector: OutlierDetector | undefined;
  /** connectionPool.http.http1MaxPendingRequests: live requests that may wait per endpoint. */
  readonly maxPending: number;
  /** Counters kept across reloads. */
  readonly health: ClusterHealth;
  /** connectionPool.tcp.connectTimeout in ms: what the pools use, and what bounds an upgrade's own connect. */
  readonly connectTimeoutMs: number;
}

/**
 * A cluster's endpoints as the request path uses them: which one to take (balancer,
 * ejections), whether a live request may wait for it (pending limit), and what an attempt's
 * outcome tells about it (outlier detection).
 */
export class ClusterEndpoints {
  constructor(
    readonly name: string,
    private readonly policy: ClusterPolicy,
  ) {}

  get connectTimeoutMs(): number {
    return this.policy.connectTimeoutMs;
  }

  next(): Endpoint {
    return this.policy.balancer.pick(undefined);
  }

  /** For a retry: another endpoint than the one that just failed, when one is in service (Envoy's previous_hosts). */
  nextExcept(previous: Endpoint | undefined): Endpoint {
    return this.policy.balancer.pick(previous);
  }

  /**
   * A live request waits for one of the endpoint's connections, unless the endpoint has
   * http1MaxPendingRequests waiting already: then false at once (Envoy's overflow, counted).
   */
  acquire(endpoint: Endpoint, waiter: SlotWaiter): boolean {
    if (endpoint.slots.tryAcquire(waiter, this.policy.maxPending)) return true;
    this.policy.health.overflowsTotal += 1;
    return false;
  }

  /** An attempt ended (its status, or the error that ended it): its connection is free, and the detector learns the outcome. */
  release(endpoint: Endpoint, outcome: number | Error): void {
    endpoint.slots.release();
    this.record(endpoint, outcome);
  }

  /**
   * The detector learns an attempt's outcome. Called alone for a WebSocket handshake, which
   * dials its own connection and so holds no slot: a refused or timed-out connect counts, as
   * in Envoy; a 101 is a success.
   */
  record(endpoint: Endpoint, outcome: number | Error): void {
    if (this.policy.detector !== undefined && endpoint.health !== undefined) this.policy.detector.record(endpoint.health, outcome);
  }
}
