import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createProxy, isWebSocketUpgrade, type Proxy, type ProxyOptions } from '../../src';

/** A proxy served from a plain node:http server on 127.0.0.1:0, as the sidecar serves it (WebSocket upgrades included). */
export interface ProxyServer {
  readonly proxy: Proxy;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startProxy(config: unknown, options?: ProxyOptions): Promise<ProxyServer> {
  const proxy = createProxy(config, options ?? { closeGraceMs: 500 });
  const server: Server = createServer({ shouldUpgradeCallback: isWebSocketUpgrade }, proxy.handle);
  server.on('upgrade', proxy.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    proxy,
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      // Upgraded sockets are not the server's to close: proxy.close() ends them after its grace.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await proxy.close();
      await closed;
    },
  };
}

/** The smallest valid config: one live cluster, optionally one mirror. */
export function liveAndMirror(live: string, mirror?: string, route: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clusters: [{ name: 'live', endpoints: [live] }, ...(mirror === undefined ? [] : [{ name: 'mirror', endpoints: [mirror] }])],
    routes: [
      {
        name: 'all',
        match: [{ uri: { prefix: '/' } }],
        route: [{ destination: { cluster: 'live' } }],
        ...(mirror === undefined ? {} : { mirror: { cluster: 'mirror' } }),
        ...route,
      },
    ],
  };
}

/** One live cluster and a route mirroring to several: each entry of `mirrors` names one of `mirrorEndpoints`. */
export function liveAndMirrors(
  live: string,
  mirrorEndpoints: Readonly<Record<string, string>>,
  mirrors: readonly Record<string, unknown>[],
  more: { readonly clusters?: Readonly<Record<string, Record<string, unknown>>>; readonly config?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    clusters: [
      { name: 'live', endpoints: [live] },
      ...Object.entries(mirrorEndpoints).map(([name, endpoint]) => ({ name, endpoints: [endpoint], ...more.clusters?.[name] })),
    ],
    routes: [{ name: 'all', match: [{ uri: { prefix: '/' } }], route: [{ destination: { cluster: 'live' } }], mirrors }],
    ...more.config,
  };
}
