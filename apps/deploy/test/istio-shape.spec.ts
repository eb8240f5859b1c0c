import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K8S_DIR, renderKustomization, selects, type K8sObject } from '../src';
import { get, ofKind, spaSidecarConfig, type Deployment, type Service } from './support/objects';
import { renderOverlayWith } from './support/render';

interface Destination {
  host: string;
  subset?: string;
  port?: { number: number };
}
interface VirtualService extends K8sObject {
  spec: {
    hosts: string[];
    http: {
      route: { destination: Destination; weight?: number }[];
      mirrors?: { destination: Destination; percentage?: { value: number } }[];
      mirror?: unknown;
    }[];
  };
}
interface TrafficPolicy {
  connectionPool?: { tcp?: Record<string, unknown>; http?: Record<string, unknown> };
}
interface DestinationRule extends K8sObject {
  spec: {
    host: string;
    trafficPolicy?: TrafficPolicy;
    subsets: { name: string; labels: Record<string, string>; trafficPolicy?: TrafficPolicy }[];
  };
}

const objects = () => renderOverlayWith('v3-delays', ['istio-mirroring']);
const fqdn = (objs: readonly K8sObject[], service: string) =>
  `${service}.${get<Service>(objs, 'Service', service).metadata.namespace ?? 'default'}.svc.cluster.local`;
/** The Deployments whose pods are endpoints of the Service `name`. */
const endpointsOf = (objs: readonly K8sObject[], name: string) =>
  ofKind<Deployment>(objs, 'Deployment')
    .filter((d) => selects({ matchLabels: get<Service>(objs, 'Service', name).spec.selector }, d.spec.template.metadata.labels))
    .map((d) => d.metadata.name)
    .sort();
/** The Deployments a DestinationRule subset picks among its host's endpoints. */
const subsetPods = (objs: readonly K8sObject[], subset: { labels: Record<string, string> }) =>
  ofKind<Deployment>(objs, 'Deployment')
    .filter(
      (d) =>
        endpointsOf(objs, 'bookservice').includes(d.metadata.name) &&
        selects({ matchLabels: subset.labels }, d.spec.template.metadata.labels),
    )
    .map((d) => d.metadata.name);

describe('components/istio-mirroring: the canonical Istio shape', () => {
  it('serves one host, bookservice, whose endpoints are the live and the mirror pods (not the noise instance)', () => {
    expect(endpointsOf(objects(), 'bookservice')).toEqual(['bookservice', 'bookservicemirror']);
  });

  it('splits that host into subsets live and mirror by the pods version label', () => {
    const rule = get<DestinationRule>(objects(), 'DestinationRule', 'bookservice');
    expect(rule.spec.host).toBe(fqdn(objects(), 'bookservice'));
    const subsets = Object.fromEntries(rule.spec.subsets.map((s) => [s.name, subsetPods(objects(), s)]));
    expect(subsets).toEqual({ live: ['bookservice'], mirror: ['bookservicemirror'] });
    expect(rule.spec.subsets.map((s) => Object.keys(s.labels))).toEqual([['version'], ['version']]);
  });

  it('routes every request to live and mirrors all of them to the mirror subset, with fully qualified hosts', () => {
    const vs = get<VirtualService>(objects(), 'VirtualService', 'bookservice');
    const host = fqdn(objects(), 'bookservice');
    const port = { number: get<Service>(objects(), 'Service', 'bookservice').spec.ports[0]!.port };
    expect(vs.spec.hosts).toEqual([host]);
    expect(vs.spec.http).toEqual([
      expect.objectContaining({
        route: [{ destination: { host, subset: 'live', port }, weight: 100 }],
        mirrors: [{ destination: { host, subset: 'mirror', port }, percentage: { value: 100 } }],
      }),
    ]);
  });

  it('bounds only the mirror: connection-pool limits on the mirror subset, none on live or the host', () => {
    const rule = get<DestinationRule>(objects(), 'DestinationRule', 'bookservice');
    expect(rule.spec.trafficPolicy).toBeUndefined();
    const pools = Object.fromEntries(rule.spec.subsets.map((s) => [s.name, s.trafficPolicy?.connectionPool]));
    expect(pools['live']).toBeUndefined();
    expect(pools['mirror']?.http).toMatchObject({ http1MaxPendingRequests: expect.any(Number) as number });
    expect(pools['mirror']?.tcp).toMatchObject({ maxConnections: expect.any(Number) as number });
  });

  it('uses the GA networking.istio.io/v1 API: one VirtualService and one DestinationRule', () => {
    const istio = objects().filter((o) => o.apiVersion.startsWith('networking.istio.io/'));
    expect(istio.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual([
      'networking.istio.io/v1 DestinationRule',
      'networking.istio.io/v1 VirtualService',
    ]);
  });

  it('turns sidecar injection on for the namespace and the in-process mirror off, so nothing is mirrored twice', () => {
    const namespace = ofKind(objects(), 'Namespace')[0];
    expect(namespace?.metadata.labels?.['istio-injection']).toBe('enabled');
    expect(spaSidecarConfig(objects()).routes.every((r) => r.mirror === undefined)).toBe(true);
  });
});

describe('the namespace, set once in components/release', () => {
  it('puts every object in it and writes it into the Istio hosts, which kustomize`s namespace transformer does not know', () => {
    // A copy of k8s/ with the release's namespace changed, as a user would change it.
    const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-namespace-'));
    try {
      cpSync(K8S_DIR, join(dir, 'k8s'), { recursive: true });
      const release = join(dir, 'k8s', 'components', 'release', 'kustomization.yaml');
      writeFileSync(release, readFileSync(release, 'utf8').replace(/^namespace: .*$/m, 'namespace: shop'));
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        'resources: [k8s/overlays/v3-delays]\ncomponents: [k8s/components/istio-mirroring, k8s/components/release]\n',
      );
      const rendered = renderKustomization(dir);
      expect([...new Set(rendered.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace))]).toEqual(['shop']);
      expect(ofKind(rendered, 'Namespace').map((o) => o.metadata.name)).toEqual(['shop']);
      const vs = get<VirtualService>(rendered, 'VirtualService', 'bookservice');
      const hosts = [...vs.spec.hosts, ...vs.spec.http.flatMap((h) => [...h.route, ...(h.mirrors ?? [])].map((r) => r.destination.host))];
      expect(new Set(hosts)).toEqual(new Set(['bookservice.shop.svc.cluster.local']));
      expect(get<DestinationRule>(rendered, 'DestinationRule', 'bookservice').spec.host).toBe('bookservice.shop.svc.cluster.local');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
