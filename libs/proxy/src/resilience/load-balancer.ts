import { type LoadBalancerKind } from '../config/cluster.schema';
import { type EndpointHealth } from './cluster-health';
import { type OutlierDetector } from './outlier-detector';

/** What the balancer needs of an endpoint. */
export interface Balanced {
  /** Its outlier record; undefined when the cluster does not detect outliers. */
  readonly health: EndpointHealth | undefined;
  /** Requests it carries or that wait for one of its connections (LEAST_REQUEST's measure). */
  load(): number;
}

/**
 * Istio's `loadBalancer.simple` over one cluster's endpoints, skipping ejected ones.
 * ROUND_ROBIN takes them in turn; RANDOM draws one; LEAST_REQUEST is Envoy's: two drawn at
 * random, the one with fewer requests wins. When every endpoint is ejected the balancer
 * picks among all of them (Envoy's panic routing) rather than fail the request.
 */
export class LoadBalancer<E extends Balanced> {
  private cursor = 0;

  constructor(
    private readonly kind: LoadBalancerKind,
    private readonly endpoints: readonly E[],
    private readonly detector: OutlierDetector | undefined,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next endpoint; `avoid` (a retry's previous endpoint) only when no other is in service (Envoy's previous_hosts). */
  pick(avoid: E | undefined): E {
    const endpoints = this.endpoints;
    const count = endpoints.length;
    if (count === 1) return endpoints[0] as E;
    const start = this.choose(count);
    for (let step = 0; step < count; step += 1) {
      const endpoint = endpoints[(start + step) % count] as E;
      if (endpoint !== avoid && !this.isEjected(endpoint)) return endpoint;
    }
    if (avoid !== undefined && !this.isEjected(avoid)) return avoid;
    return endpoints[start] as E;
  }

  private choose(count: number): number {
    if (this.kind === 'ROUND_ROBIN') {
      const index = this.cursor;
      this.cursor = index + 1 === count ? 0 : index + 1;
      return index;
    }
    const first = Math.floor(this.random() * count);
    if (this.kind === 'RANDOM') return first;
    // Two distinct draws; an ejected one loses, then the lighter load wins.
    const second = (first + 1 + Math.floor(this.random() * (count - 1))) % count;
    const a = this.endpoints[first] as E;
    const b = this.endpoints[second] as E;
    const aOut = this.isEjected(a);
    if (aOut !== this.isEjected(b)) return aOut ? second : first;
    return b.load() < a.load() ? second : first;
  }

  private isEjected(endpoint: E): boolean {
    return this.detector !== undefined && endpoint.health !== undefined && this.detector.isEjected(endpoint.health);
  }
}
