/**
 * The front end's proxy configuration for a scenario, in the sidecar's Envoy/Istio shape:
 * every request for `bookservice` goes live and, when the scenario has a mirror, a copy
 * goes fire-and-forget to `bookservicemirror`.
 */
export function meshProxyConfig(endpoints: { live: string; mirror: string | undefined }): Record<string, unknown> {
  const clusters: Record<string, unknown>[] = [{ name: 'bookservice', endpoints: [endpoints.live] }];
  const route: Record<string, unknown> = {
    name: 'books',
    match: [{ uri: { prefix: '/' } }],
    route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
  };
  if (endpoints.mirror !== undefined) {
    clusters.push({ name: 'bookservicemirror', endpoints: [endpoints.mirror] });
    route.mirror = { cluster: 'bookservicemirror' };
    route.mirrorPercentage = { value: 100 };
  }
  return { clusters, routes: [route] };
}
