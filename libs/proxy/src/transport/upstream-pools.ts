import { Pool } from './undici-pool';
import { durationToMs } from '../config/duration';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type ClusterConfig } from '../config/proxy-config.schema';
import { type Clock } from '../mirror/mirror-breaker';
import { ClusterHealth } from '../resilience/cluster-health';
import { LoadBalancer } from '../resilience/load-balancer';
import { OutlierDetector } from '../resilience/outlier-detector';
import { ClusterEndpoints, type Endpoint } from './cluster-endpoints';
import { ConnectionSlots } from './connection-slots';

export { ClusterEndpoints, type Endpoint } from './cluster-endpoints';

/** One keep-alive pool and the slots that hand out its connections. */
interface PooledConnections {
  readonly pool: Pool;
  readonly slots: ConnectionSlots;
}

/** What a cluster's policy counts, for the metrics. */
export interface ClusterPolicyStats {
  readonly ejectionsTotal: number;
  /** Endpoints ejected now. */
  readonly ejectedEndpoints: number;
  readonly overflowsTotal: number;
}

/**
 * Owns every upstream Pool. Pools are keyed by endpoint and settings so that a reload
 * keeps warm keep-alive connections for endpoints that did not change; pools that fall
 * out of the config are closed gracefully (their in-flight requests finish first).
 * Each cluster's counters and outlier records live here too, kept across reloads.
 */
export class UpstreamPools {
  private readonly pools = new Map<string, PooledConnections>();
  private readonly health = new Map<string, ClusterHealth>();

  /** `now` measures ejections (monotonic ms; tests pass a fake). */
  constructor(private readonly now: Clock = () => performance.now()) {}

  /** Builds the endpoints of each cluster, reusing pools; closes pools no longer used. */
  build(clusters: readonly ClusterConfig[], graceMs: number): Map<string, ClusterEndpoints> {
    const used = new Set<string>();
    const out = new Map<string, ClusterEndpoints>();
    for (const cluster of clusters) {
      const { tcp, http } = cluster.connectionPool;
      const connectTimeout = durationToMs(tcp.connectTimeout);
      const keepAliveTimeout = durationToMs(http.idleTimeout);
      const perConnection = http.maxRequestsPerConnection;
      const health = this.healthOf(cluster);
      const outlier = cluster.outlierDetection;
      const endpoints = cluster.endpoints.map((address): Endpoint => {
        const key = `${address}|${tcp.maxConnections}|${connectTimeout}|${keepAliveTimeout}|${perConnection}`;
        used.add(key);
        let pooled = this.pools.get(key);
        if (pooled === undefined) {
          const pool = new Pool(`http://${address}`, {
            connections: tcp.maxConnections,
            pipelining: 1,
            connect: { timeout: connectTimeout },
            keepAliveTimeout,
            // Upstream keep-alive hints may shorten, never lengthen, our bound.
            keepAliveMaxTimeout: keepAliveTimeout,
            ...(perConnection > 0 ? { maxRequestsPerClient: perConnection } : {}),
          });
          pooled = { pool, slots: new ConnectionSlots(tcp.maxConnections) };
          this.pools.set(key, pooled);
        }
        return endpointOf(address, pooled, outlier === undefined ? undefined : health.endpoint(address));
      });
      const detector =
        outlier === undefined
          ? undefined
          : new OutlierDetector(
              {
                consecutive5xx: outlier.consecutive5xxErrors,
                consecutiveGateway: outlier.consecutiveGatewayErrors,
                intervalMs: durationToMs(outlier.interval),
                baseEjectionMs: durationToMs(outlier.baseEjectionTime),
                maxEjectionMs: Math.max(durationToMs(outlier.baseEjectionTime), durationToMs(PROXY_DEFAULTS.outlierMaxEjectionTime)),
                maxEjectionPercent: outlier.maxEjectionPercent,
              },
              health,
              endpoints.length,
              this.now,
            );
      const balancer = new LoadBalancer(cluster.loadBalancer.simple, endpoints, detector);
      out.set(
        cluster.name,
        new ClusterEndpoints(cluster.name, {
          balancer,
          detector,
          maxPending: http.http1MaxPendingRequests,
          health,
          connectTimeoutMs: connectTimeout,
        }),
      );
    }
    for (const name of this.health.keys()) if (!out.has(name)) this.health.delete(name);
    for (const [key, pooled] of this.pools) {
      if (used.has(key)) continue;
      this.pools.delete(key);
      void closeWithin(pooled.pool, graceMs);
    }
    return out;
  }

  /** Ejections, endpoints ejected now and overflows of each cluster of the config in force. */
  stats(): Record<string, ClusterPolicyStats> {
    const now = this.now();
    const out: Record<string, ClusterPolicyStats> = {};
    for (const [name, health] of this.health)
      out[name] = { ejectionsTotal: health.ejectionsTotal, ejectedEndpoints: health.sweep(now), overflowsTotal: health.overflowsTotal };
    return out;
  }

  /** Lets in-flight requests finish for up to graceMs, then destroys what is left. */
  async close(graceMs: number): Promise<void> {
    const pooled = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pooled.map((p) => closeWithin(p.pool, graceMs)));
  }

  /** The cluster's counters and outlier records, kept while the cluster keeps its name; records of dropped endpoints go. */
  private healthOf(cluster: ClusterConfig): ClusterHealth {
    let health = this.health.get(cluster.name);
    if (health === undefined) this.health.set(cluster.name, (health = new ClusterHealth()));
    health.keepOnly(new Set(cluster.outlierDetection === undefined ? [] : cluster.endpoints));
    return health;
  }
}

/** A cluster's view of a pool: one per cluster and config, so that its outlier record is the cluster's own. */
function endpointOf(address: string, pooled: PooledConnections, health: Endpoint['health']): Endpoint {
  const { pool, slots } = pooled;
  return { address, pool, slots, health, load: () => slots.inUse + slots.waiting };
}

async function closeWithin(pool: Pool, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  try {
    const outcome = await Promise.race([pool.close().then(() => 'closed' as const), expired]);
    if (outcome === 'expired') await pool.destroy();
  } catch {
    // A pool already closing or destroyed has nothing left to release.
  } finally {
    clearTimeout(timer);
  }
}
