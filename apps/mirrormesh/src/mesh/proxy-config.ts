import { meshCompareConfig, NOISE_CLUSTER } from './shadow-diff';

export interface MeshEndpoints {
  readonly live: string;
  readonly mirror: string | undefined;
  /** The noise instance (a second live); when set, the sidecar compares the mirror's answers with live. */
  readonly noise?: string | undefined;
}

/**
 * The front end's proxy configuration for a scenario, in the sidecar's Envoy/Istio shape:
 * every request for `bookservice` goes live and, when the scenario has a mirror, a copy
 * goes fire-and-forget to `bookservicemirror`; with a noise instance the mirror's answers are
 * compared with live's, and a copy to `bookservicelive2` tells noise from regressions.
 */
export function meshProxyConfig(endpoints: MeshEndpoints): Record<string, unknown> {
  const clusters: Record<string, unknown>[] = [{ name: 'bookservice', endpoints: [endpoints.live] }];
  const route: Record<string, unknown> = {
    name: 'books',
    match: [{ uri: { prefix: '/' } }],
    route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
  };
  if (endpoints.mirror !== undefined) {
    clusters.push({ name: 'bookservicemirror', endpoints: [endpoints.mirror] });
    const mirror: Record<string, unknown> = { cluster: 'bookservicemirror' };
    if (endpoints.noise !== undefined) {
      clusters.push({ name: NOISE_CLUSTER, endpoints: [endpoints.noise] });
      mirror.compare = meshCompareConfig(NOISE_CLUSTER);
    }
    route.mirror = mirror;
    route.mirrorPercentage = { value: 100 };
  }
  return { clusters, routes: [route] };
}
