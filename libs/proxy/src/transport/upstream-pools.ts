import { Pool } from 'undici';
import { type ClusterConfig } from '../config/proxy-config.schema';
import { durationToMs } from '../config/duration';

/** A cluster's endpoints, each one keep-alive undici Pool, taken in round robin. */
export class ClusterEndpoints {
  private cursor = 0;

  constructor(
    readonly name: string,
    private readonly pools: readonly Pool[],
    /** Requests the endpoints carry at once: connections per endpoint × endpoints (pipelining is 1). */
    readonly capacity: number,
  ) {}

  next(): Pool {
    const pool = this.pools[this.cursor] as Pool;
    this.cursor = this.cursor + 1 === this.pools.length ? 0 : this.cursor + 1;
    return pool;
  }

  /** For a retry: the next endpoint other than the one that just failed, when there is one (Envoy's previous_hosts). */
  nextExcept(previous: Pool | undefined): Pool {
    const pool = this.next();
    return pool === previous && this.pools.length > 1 ? this.next() : pool;
  }
}

/**
 * Owns every upstream Pool. Pools are keyed by endpoint and settings so that a reload
 * keeps warm keep-alive connections for endpoints that did not change; pools that fall
 * out of the config are closed gracefully (their in-flight requests finish first).
 */
export class UpstreamPools {
  private readonly pools = new Map<string, Pool>();

  /** Builds the endpoints of each cluster, reusing pools; closes pools no longer used. */
  build(clusters: readonly ClusterConfig[], graceMs: number): Map<string, ClusterEndpoints> {
    const used = new Set<string>();
    const out = new Map<string, ClusterEndpoints>();
    for (const cluster of clusters) {
      const connectTimeout = durationToMs(cluster.connectTimeout);
      const keepAliveTimeout = durationToMs(cluster.keepAliveTimeout);
      const pools = cluster.endpoints.map((endpoint) => {
        const key = `${endpoint}|${cluster.connections}|${connectTimeout}|${keepAliveTimeout}`;
        used.add(key);
        let pool = this.pools.get(key);
        if (pool === undefined) {
          pool = new Pool(`http://${endpoint}`, {
            connections: cluster.connections,
            pipelining: 1,
            connect: { timeout: connectTimeout },
            keepAliveTimeout,
            // Upstream keep-alive hints may shorten, never lengthen, our bound.
            keepAliveMaxTimeout: keepAliveTimeout,
          });
          this.pools.set(key, pool);
        }
        return pool;
      });
      out.set(cluster.name, new ClusterEndpoints(cluster.name, pools, cluster.connections * pools.length));
    }
    for (const [key, pool] of this.pools) {
      if (used.has(key)) continue;
      this.pools.delete(key);
      void closeWithin(pool, graceMs);
    }
    return out;
  }

  /** Lets in-flight requests finish for up to graceMs, then destroys what is left. */
  async close(graceMs: number): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => closeWithin(pool, graceMs)));
  }
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
