import { Pool } from './undici-pool';
import { type ClusterConfig } from '../config/proxy-config.schema';
import { durationToMs } from '../config/duration';
import { ConnectionSlots } from './connection-slots';

/** One upstream endpoint: its keep-alive pool and the slots that hand out its connections. */
export interface Endpoint {
  readonly pool: Pool;
  readonly slots: ConnectionSlots;
}

/** A cluster's endpoints, taken in round robin. */
export class ClusterEndpoints {
  private cursor = 0;

  constructor(
    readonly name: string,
    private readonly endpoints: readonly Endpoint[],
  ) {}

  next(): Endpoint {
    const endpoint = this.endpoints[this.cursor] as Endpoint;
    this.cursor = this.cursor + 1 === this.endpoints.length ? 0 : this.cursor + 1;
    return endpoint;
  }

  /** For a retry: the next endpoint other than the one that just failed, when there is one (Envoy's previous_hosts). */
  nextExcept(previous: Endpoint | undefined): Endpoint {
    const endpoint = this.next();
    return endpoint === previous && this.endpoints.length > 1 ? this.next() : endpoint;
  }
}

/**
 * Owns every upstream Pool. Pools are keyed by endpoint and settings so that a reload
 * keeps warm keep-alive connections for endpoints that did not change; pools that fall
 * out of the config are closed gracefully (their in-flight requests finish first).
 */
export class UpstreamPools {
  private readonly pools = new Map<string, Endpoint>();

  /** Builds the endpoints of each cluster, reusing pools; closes pools no longer used. */
  build(clusters: readonly ClusterConfig[], graceMs: number): Map<string, ClusterEndpoints> {
    const used = new Set<string>();
    const out = new Map<string, ClusterEndpoints>();
    for (const cluster of clusters) {
      const connectTimeout = durationToMs(cluster.connectTimeout);
      const keepAliveTimeout = durationToMs(cluster.keepAliveTimeout);
      const endpoints = cluster.endpoints.map((address) => {
        const key = `${address}|${cluster.connections}|${connectTimeout}|${keepAliveTimeout}`;
        used.add(key);
        let endpoint = this.pools.get(key);
        if (endpoint === undefined) {
          const pool = new Pool(`http://${address}`, {
            connections: cluster.connections,
            pipelining: 1,
            connect: { timeout: connectTimeout },
            keepAliveTimeout,
            // Upstream keep-alive hints may shorten, never lengthen, our bound.
            keepAliveMaxTimeout: keepAliveTimeout,
          });
          endpoint = { pool, slots: new ConnectionSlots(cluster.connections) };
          this.pools.set(key, endpoint);
        }
        return endpoint;
      });
      out.set(cluster.name, new ClusterEndpoints(cluster.name, endpoints));
    }
    for (const [key, endpoint] of this.pools) {
      if (used.has(key)) continue;
      this.pools.delete(key);
      void closeWithin(endpoint.pool, graceMs);
    }
    return out;
  }

  /** Lets in-flight requests finish for up to graceMs, then destroys what is left. */
  async close(graceMs: number): Promise<void> {
    const endpoints = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(endpoints.map((endpoint) => closeWithin(endpoint.pool, graceMs)));
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
