import { redactConfig } from '../config/redact-config';
import { createIstioMetrics } from '../observability/istio-metrics';
import { createProxyStats } from '../observability/proxy-stats';
import { type Proxy } from '../proxy';
import { type AdminWriteOptions } from './admin-writes';
import { startAdminServer, type AdminServer } from './admin-server';

export interface ProxyAdminOptions {
  readonly host: string;
  readonly port: number;
  /** GET /health/ready: false while the process drains. */
  readonly ready: () => boolean;
  /** Where the config in force came from (`file`, `admin-api`), shown by GET /config. */
  readonly configSource?: () => string;
  /** Admin writes (PUT /config, PUT /routes/<name>/weights) on `proxy`: their token, bound addresses, log hook; absent: read-only. */
  readonly writes?: Omit<AdminWriteOptions, 'proxy'>;
}

/**
 * A proxy's whole admin API on its own listener, whichever process hosts the proxy (the
 * standalone sidecar, or an app with the proxy in process): its stats and Istio metrics
 * (subscribed here, unsubscribed on close), the config redacted, the shadow diff, and the
 * runtime writes. Closing it stops the listener and the subscriptions; the proxy runs on.
 */
export async function startProxyAdmin(proxy: Proxy, options: ProxyAdminOptions): Promise<AdminServer> {
  const stats = createProxyStats({ proxy });
  const istioMetrics = createIstioMetrics({ proxy });
  const unsubscribe = () => {
    stats.close();
    istioMetrics.close();
  };
  let server: AdminServer;
  try {
    server = await startAdminServer({
      host: options.host,
      port: options.port,
      stats,
      istioMetrics,
      config: () => redactConfig(proxy.config),
      diff: () => proxy.diffReport(),
      ...(options.configSource === undefined ? {} : { configSource: options.configSource }),
      ready: options.ready,
      ...(options.writes === undefined ? {} : { writes: { ...options.writes, proxy } }),
    });
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return {
    address: server.address,
    close: async () => {
      await server.close();
      unsubscribe();
    },
  };
}
