import { SCENARIOS, validateK8sObject, type K8sObject } from '../src';
import { renderNativeSidecarOverlay, NATIVE_SIDECAR_OVERLAY } from './support/native-sidecar-overlay';
import { env, get, ofKind, type Container, type Deployment, type Service } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

/** Every Service a user can deploy from k8s/ without the opt-in metrics component. */
const renders: [string, () => K8sObject[]][] = [
  ...SCENARIOS.map((s): [string, () => K8sObject[]] => [s, () => renderOverlay(s)]),
  [NATIVE_SIDECAR_OVERLAY, renderNativeSidecarOverlay],
  ['v3-delays + local-collector', () => renderOverlayWith('v3-delays', ['local-collector'])],
  ['v3-delays + istio-mirroring', () => renderOverlayWith('v3-delays', ['istio-mirroring'])],
];

const podContainers = (d: Deployment): Container[] => [...(d.spec.template.spec.initContainers ?? []), ...d.spec.template.spec.containers];

/** The container ports named `admin` in the SPA's pod: the admin API of whichever sidecar form runs. */
function adminPorts(objects: readonly K8sObject[]): number[] {
  return podContainers(get<Deployment>(objects, 'Deployment', 'bookinfo-spa'))
    .flatMap((c) => c.ports ?? [])
    .filter((p) => p.name === 'admin')
    .map((p) => p.containerPort);
}

describe.each(renders)('%s: the admin port is internal', (_name, render) => {
  it('has exactly one admin port in the SPA’s pod', () => {
    expect(adminPorts(render())).toHaveLength(1);
  });

  it('exposes it through no Service, by name or by number', () => {
    const [admin] = adminPorts(render());
    for (const service of ofKind<Service>(render(), 'Service')) {
      for (const port of service.spec.ports) {
        const where = `${service.metadata.name}:${port.port}`;
        expect({ where, targetPort: port.targetPort }).not.toEqual({ where, targetPort: 'admin' });
        expect({ where, targetPort: port.targetPort }).not.toEqual({ where, targetPort: admin });
        expect({ where, port: port.port }).not.toEqual({ where, port: admin });
      }
    }
  });

  it('documents the Prometheus scrape of it on the pod template', () => {
    const annotations = get<Deployment>(render(), 'Deployment', 'bookinfo-spa').spec.template.metadata.annotations;
    expect(annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(adminPorts(render())[0]),
      'prometheus.io/path': '/metrics',
    });
  });

  it('runs an admin API beyond loopback read-only (no token is deployed), on the port it declares', () => {
    const spa = get<Deployment>(render(), 'Deployment', 'bookinfo-spa').spec.template.spec.containers[0]!;
    if (env(spa, 'ADMIN_PORT') === undefined) return; // the native sidecar's: see native-sidecar.spec.ts
    expect(env(spa, 'ADMIN_PORT')?.value).toBe(String(adminPorts(render())[0]));
    expect(env(spa, 'ADMIN_HOST')?.value).toBe('0.0.0.0');
    expect(env(spa, 'ADMIN_WRITES')?.value).toBe('false');
    expect(env(spa, 'ADMIN_TOKEN')).toBeUndefined();
  });
});

describe('components/prometheus-servicemonitor', () => {
  const objects = () => renderOverlayWith('v3-delays', ['prometheus-servicemonitor']);
  const monitor = () =>
    get<K8sObject & { spec: { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] } }>(
      objects(),
      'ServiceMonitor',
      'bookinfo-spa',
    );
  const selected = () =>
    ofKind<Service>(objects(), 'Service').filter((s) =>
      Object.entries(monitor().spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
    );

  it('passes the strict offline schema check, the ServiceMonitor against the Prometheus Operator’s CRD', async () => {
    const failures: string[] = [];
    for (const object of objects()) await validateK8sObject(object).catch((error: Error) => failures.push(error.message));
    expect(failures).toEqual([]);
  });

  it('selects only its own headless metrics Service, never the public one', () => {
    expect(selected().map((s) => s.metadata.name)).toEqual(['bookinfo-spa-metrics']);
    const [metrics] = selected();
    expect(metrics?.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(metrics?.spec.clusterIP).toBe('None');
    expect(get<Service>(objects(), 'Service', 'bookinfo-spa').spec.ports.map((p) => p.targetPort)).toEqual(['http']);
  });

  it('scrapes /metrics on the admin port of the SPA’s pods', () => {
    const [metrics] = selected();
    const [endpoint] = monitor().spec.endpoints;
    expect(endpoint?.path).toBe('/metrics');
    const port = metrics?.spec.ports.find((p) => p.name === endpoint?.port);
    expect(port?.targetPort).toBe('admin');
    expect(adminPorts(objects())).toHaveLength(1);
  });

  it('works with the native sidecar too: the admin port is then the sidecar’s', () => {
    const both = renderOverlayWith('v3-delays', ['native-sidecar', 'prometheus-servicemonitor']);
    const spa = get<Deployment>(both, 'Deployment', 'bookinfo-spa');
    expect(spa.spec.template.spec.initContainers?.[0]?.ports?.map((p) => p.name)).toEqual(['admin']);
    expect(adminPorts(both)).toHaveLength(1);
  });
});
