import { restartWarning, type BoundAddresses, type Proxy } from '@mirrormesh/proxy';
import { readConfigFile, watchConfigFile, type ConfigFileWatcher } from '@mirrormesh/proxy/config-file';
import { type ConfigSource } from './config-source';
import { logEvent } from './lifecycle-log';

export interface ConfigReloader {
  /** Reloads now (SIGHUP does the same); resolves true when the new config is in force. */
  reload(trigger: string): Promise<boolean>;
  close(): void;
}

/**
 * Reloads on SIGHUP and on file change. A valid config swaps in atomically (requests in
 * flight finish on the old one); an invalid one is logged with its path and rule, and the
 * old config stays. Reloads never overlap: one arriving during another runs after it. The
 * file is the control plane: a valid load replaces changes made through the admin API (logged).
 */
export function installConfigReloader(
  file: string,
  proxy: Proxy,
  watch: boolean,
  source: ConfigSource,
  bound: BoundAddresses,
): ConfigReloader {
  let running: Promise<boolean> | undefined;
  let queued: string | undefined;

  const apply = async (trigger: string): Promise<boolean> => {
    try {
      const config = proxy.reload(await readConfigFile(file));
      const warning = restartWarning(bound, config);
      if (warning !== undefined) logEvent('warn', warning, { file });
      logEvent('info', 'config reloaded', { trigger, file, routes: config.routes.length, clusters: config.clusters.length });
      const replaced = source.fileApplied();
      if (replaced > 0)
        logEvent('warn', 'the config file replaced the changes made through the admin API', { trigger, file, runtimeChanges: replaced });
      return true;
    } catch (error) {
      logEvent('error', 'config reload refused; the previous config stays in force', { trigger, file, error: (error as Error).message });
      return false;
    }
  };

  const reload = (trigger: string): Promise<boolean> => {
    if (running !== undefined) {
      queued = trigger;
      return running;
    }
    running = apply(trigger).finally(() => {
      running = undefined;
      const next = queued;
      queued = undefined;
      if (next !== undefined) void reload(next);
    });
    return running;
  };

  const onHangup = () => void reload('SIGHUP');
  process.on('SIGHUP', onHangup);
  const watcher: ConfigFileWatcher | undefined = watch ? watchConfigFile(file, () => void reload('file-change')) : undefined;
  return {
    reload,
    close() {
      process.off('SIGHUP', onHangup);
      watcher?.close();
    },
  };
}
