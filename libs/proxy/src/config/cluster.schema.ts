import { s, type Infer } from '@mirrormesh/schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { duration, endpoint, name } from './schema-primitives';

/** One upstream cluster (Envoy's term): its endpoints and how they are connected to. */
export const clusterSchema = s.object({
  name,
  endpoints: s.array(endpoint, { minItems: 1, maxItems: 256 }),
  connections: s.integer({ min: 1, max: 1024 }).default(PROXY_DEFAULTS.connections),
  connectTimeout: duration.default(PROXY_DEFAULTS.connectTimeout),
  keepAliveTimeout: duration.default(PROXY_DEFAULTS.keepAliveTimeout),
  maxMirrorInflight: s.integer({ min: 1, max: 100_000 }).default(PROXY_DEFAULTS.maxMirrorInflight),
});

export type ClusterConfig = Infer<typeof clusterSchema>;
