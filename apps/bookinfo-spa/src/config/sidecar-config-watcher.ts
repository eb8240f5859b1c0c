import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { readConfigFile, watchConfigFile, type ConfigFileWatcher } from '@mirrormesh/proxy/config-file';
import { ProxyService } from '@mirrormesh/proxy/nest';
import { BOOKINFO_SPA_CONFIG } from '../bookinfo-spa.tokens';
import { type BookinfoSpaConfig } from './bookinfo-spa.config';

/**
 * Reloads the sidecar config when its file changes (a ConfigMap update, an edit): a
 * valid one swaps in atomically, an invalid one is logged with its path and rule and
 * the config in force stays. Reloads never overlap.
 */
@Injectable()
export class SidecarConfigWatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SidecarConfig');
  private watcher: ConfigFileWatcher | undefined;
  private running: Promise<boolean> | undefined;
  private again = false;

  constructor(
    @Inject(BOOKINFO_SPA_CONFIG) private readonly config: BookinfoSpaConfig,
    private readonly proxy: ProxyService,
  ) {}

  onModuleInit(): void {
    const { api, watchConfig } = this.config;
    if (watchConfig && api.kind === 'sidecar-config') this.watcher = watchConfigFile(api.file, () => void this.reload());
  }

  /** Resolves true when the file's config is in force (false, too, when /api goes to an upstream and there is no file). */
  reload(): Promise<boolean> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.apply().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.running;
  }

  private async apply(): Promise<boolean> {
    if (this.config.api.kind !== 'sidecar-config') return false;
    const file = this.config.api.file;
    try {
      const config = this.proxy.reload(await readConfigFile(file));
      this.logger.log(`reloaded ${file}: ${config.routes.length} routes, ${config.clusters.length} clusters`);
      return true;
    } catch (error) {
      this.logger.error(`reload of ${file} refused; the previous config stays in force: ${(error as Error).message}`);
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.watcher?.close();
  }
}
