import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { startProxyAdmin, type AdminChange, type AdminServer } from '@mirrormesh/proxy';
import { ProxyService } from '@mirrormesh/proxy/nest';
import { BOOKINFO_SPA_CONFIG } from '../bookinfo-spa.tokens';
import { type BookinfoSpaConfig } from '../config/bookinfo-spa.config';
import { AdminListenError } from '../errors';

/**
 * The in-process sidecar's admin API on ADMIN_HOST:ADMIN_PORT, the same API the standalone
 * sidecar serves: what Prometheus scrapes and `mirrormesh diff` and `canary` read and write.
 * It listens once the app has started and closes before the proxy drains.
 */
@Injectable()
export class ProxyAdminListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ProxyAdmin');
  private server: AdminServer | undefined;
  private draining = false;

  constructor(
    @Inject(BOOKINFO_SPA_CONFIG) private readonly config: BookinfoSpaConfig,
    private readonly proxy: ProxyService,
  ) {}

  /** Where it listens; undefined when ADMIN_PORT is unset. */
  get address(): { readonly address: string; readonly port: number } | undefined {
    return this.server?.address;
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (admin === undefined) return;
    const { host, port, token, writes } = admin;
    const onApplied = (change: AdminChange) => this.logger.log(`config changed through the admin API: ${JSON.stringify(change)}`);
    try {
      this.server = await startProxyAdmin(this.proxy.proxy, {
        host,
        port,
        ready: () => !this.draining,
        ...(writes ? { writes: token === undefined ? { onApplied } : { onApplied, token } } : {}),
      });
    } catch (error) {
      throw new AdminListenError(host, port, error as NodeJS.ErrnoException);
    }
    this.logger.log(`admin API on http://${host}:${this.server.address.port}${writes ? '' : ' (read-only: ADMIN_WRITES=false)'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    await this.server?.close();
  }
}
