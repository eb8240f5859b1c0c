import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { PROXY_DEFAULTS } from '../config/proxy-config.schema';
import { createAdminHandler, type AdminHandlerOptions } from './admin-handler';

export interface AdminServerOptions extends AdminHandlerOptions {
  /** Loopback by default: metrics and config are not for the outside. */
  readonly host?: string;
  readonly port?: number;
}

export interface AdminServer {
  readonly address: AddressInfo;
  close(): Promise<void>;
}

/** Starts the admin listener (GET /metrics, /stats, /config, /diff, /health/live, /health/ready). */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const server: Server = createServer(createAdminHandler(options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? PROXY_DEFAULTS.adminPort, options.host ?? PROXY_DEFAULTS.adminHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
