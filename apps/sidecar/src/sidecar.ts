import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createAccessLog, type AccessLog } from '@mirrormesh/access-log';
import {
  createProxy,
  durationToMs,
  restartWarning,
  startProxyAdmin,
  type AdminChange,
  type AdminServer,
  type Proxy,
} from '@mirrormesh/proxy';
import { loadConfigFile } from '@mirrormesh/proxy/config-file';
import { subscribeMirrorExchanges, type Telemetry } from '@mirrormesh/telemetry';
import { subscribeAccessLog } from './access-log-subscriber';
import { checkAdminExposure } from './admin-exposure';
import { ConfigSource } from './config-source';
import { installConfigReloader, type ConfigReloader } from './config-reloader';
import { logEvent } from './lifecycle-log';
import { createListenerServer, listen } from './listener-server';
import { drainServer } from './drain-server';
import { SIDECAR_DEFAULTS, type SidecarEnv } from './sidecar-env';

export interface Sidecar {
  readonly proxy: Proxy;
  readonly listener: AddressInfo;
  readonly admin: AddressInfo;
  readonly reloader: ConfigReloader;
  /** Drains live requests, lets mirrors finish briefly, closes everything; true when clean. */
  shutdown(): Promise<boolean>;
}

/**
 * Loads the config (throws ConfigFileError when invalid), then starts listener and admin.
 * Every mirror exchange is reported to telemetry as a dependency with its status and duration.
 */
export async function startSidecar(file: string, env: SidecarEnv, telemetry: Telemetry): Promise<Sidecar> {
  const config = await loadConfigFile(file);
  checkAdminExposure(config.admin.host, env.ADMIN_TOKEN, env.ADMIN_WRITES);
  const proxy = createProxy(config, { name: 'sidecar' });
  const source = new ConfigSource();
  const accessLog: AccessLog | undefined = env.ACCESS_LOG
    ? createAccessLog({ format: env.LOG_FORMAT, flushIntervalMs: env.ACCESS_LOG_FLUSH_INTERVAL_MS })
    : undefined;
  const unsubscribe = accessLog === undefined ? () => undefined : subscribeAccessLog(accessLog);
  const unsubscribeMirrors = subscribeMirrorExchanges(telemetry);
  let draining = false;
  const server: Server = createListenerServer(
    proxy.handle,
    () => draining,
    { requestHeadersTimeoutMs: durationToMs(proxy.config.listener.requestHeadersTimeout) },
    proxy.handleUpgrade,
  );
  // Ready only once the telemetry thread has loaded the SDK: its start-up must not meet the first requests.
  await telemetry.ready();
  await listen(server, config.listener.port, config.listener.host);
  let admin: AdminServer;
  try {
    admin = await startProxyAdmin(proxy, {
      host: config.admin.host,
      port: config.admin.port,
      configSource: () => source.origin,
      ready: () => !draining,
      ...(env.ADMIN_WRITES
        ? {
            writes: {
              token: env.ADMIN_TOKEN,
              bound: config,
              onApplied: (change: AdminChange) => {
                source.adminApplied();
                logEvent('info', 'config changed through the admin API', { change });
                const warning = restartWarning(config, proxy.config);
                if (warning !== undefined) logEvent('warn', warning, { trigger: 'admin-api' });
              },
            },
          }
        : {}),
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const reloader = installConfigReloader(file, proxy, env.WATCH_CONFIG, source, config);
  const listener = server.address() as AddressInfo;
  logEvent('info', 'listening', {
    listener: `${listener.address}:${listener.port}`,
    admin: `${admin.address.address}:${admin.address.port}`,
    config: file,
  });

  let shuttingDown: Promise<boolean> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      draining = true;
      reloader.close();
      const drained = await drainServer(server, () => proxy.stats().liveInflight, env.SHUTDOWN_TIMEOUT_MS);
      await proxy.close({ graceMs: SIDECAR_DEFAULTS.mirrorGraceMs });
      await admin.close();
      unsubscribe();
      unsubscribeMirrors();
      await telemetry.shutdown();
      await accessLog?.close();
      return drained;
    })());
  return { proxy, listener, admin: admin.address, reloader, shutdown };
}
