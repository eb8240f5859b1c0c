import { parseProxyConfig, type ProxyConfig } from '@mirrormesh/proxy';

/** The one cluster /api goes to with API_UPSTREAM; its name shows in the dashboard and the access log. */
export const UPSTREAM_CLUSTER = 'api-upstream';

/**
 * With API_UPSTREAM the proxy core only forwards /api (prefix stripped, its timeouts and
 * problem answers kept), to one endpoint and without mirrors: routing, mirroring and the
 * answer diff are the job of the sidecar it forwards to.
 */
export function upstreamProxyConfig(url: string): ProxyConfig {
  const { host, port } = new URL(url);
  const endpoint = port === '' ? `${host}:80` : host;
  return parseProxyConfig({
    clusters: [{ name: UPSTREAM_CLUSTER, endpoints: [endpoint] }],
    routes: [{ name: 'api', match: [{ uri: { prefix: '/' } }], route: [{ destination: { cluster: UPSTREAM_CLUSTER }, weight: 100 }] }],
  });
}
