import { type ProxyConfig } from '@mirrormesh/proxy';
import { type MeshTopology, type ServingVersion } from './mesh-dashboard.dto';

/** Bounds of the version probe: dashboards refresh every few seconds, and an upstream may hang. */
export const VERSION_PROBE_DEFAULTS = {
  /** Every mirrormesh service answers it with its `x-version-tag`; it is no traffic to telemetry. */
  path: '/health/live',
  timeoutMs: 1000,
  /** An answer is reused this long, so many open dashboards probe each endpoint once. */
  cacheMs: 2000,
  /** Most endpoints remembered; past it the oldest answers are forgotten. */
  maxEntries: 64,
} as const;

const VERSION_TAG = /^[A-Za-z0-9._-]{1,100}$/;

export interface ClusterVersionProbe {
  /** The version each edge's cluster serves now, asked of its first endpoint; never throws. */
  serving(topology: MeshTopology, config: ProxyConfig): Promise<ServingVersion[]>;
}

async function askVersion(endpoint: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(`http://${endpoint}${VERSION_PROBE_DEFAULTS.path}`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    const tag = response.headers.get('x-version-tag');
    return tag !== null && VERSION_TAG.test(tag) ? tag : null;
  } catch {
    return null;
  }
}

/**
 * Asks each cluster which version it runs, so that the Mirror page names the mirror serving
 * now: after a rollout the cluster name stays `bookservicemirror`, only its answer changes.
 */
export function createClusterVersionProbe(options: { timeoutMs?: number; cacheMs?: number } = {}): ClusterVersionProbe {
  const timeoutMs = options.timeoutMs ?? VERSION_PROBE_DEFAULTS.timeoutMs;
  const cacheMs = options.cacheMs ?? VERSION_PROBE_DEFAULTS.cacheMs;
  const cache = new Map<string, { at: number; value: Promise<string | null> }>();
  const versionOf = (endpoint: string): Promise<string | null> => {
    const now = Date.now();
    const cached = cache.get(endpoint);
    if (cached !== undefined && now - cached.at < cacheMs) return cached.value;
    cache.delete(endpoint);
    if (cache.size >= VERSION_PROBE_DEFAULTS.maxEntries) cache.delete(cache.keys().next().value ?? '');
    const value = askVersion(endpoint, timeoutMs);
    cache.set(endpoint, { at: now, value });
    return value;
  };
  return {
    serving(topology, config) {
      return Promise.all(
        topology.edges.map(async (edge) => {
          const endpoint = config.clusters.find((c) => c.name === edge.cluster)?.endpoints[0];
          return { kind: edge.kind, cluster: edge.cluster, versionTag: endpoint === undefined ? null : await versionOf(endpoint) };
        }),
      );
    },
  };
}
