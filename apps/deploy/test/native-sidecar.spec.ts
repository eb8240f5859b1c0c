import { parse } from 'yaml';
import { parseProxyConfig } from '@mirrormesh/proxy';
import { validateK8sObject, type K8sObject } from '../src';
import { inlineObject } from './support/inline-manifests';
import { renderNativeSidecarOverlay } from './support/native-sidecar-overlay';
import { env, get, ofKind, type Container, type Deployment, type Probe, type Service } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

const objects = () => renderNativeSidecarOverlay();
const spa = () => get<Deployment>(objects(), 'Deployment', 'bookinfo-spa');
const sidecar = (): Container => {
  const found = spa().spec.template.spec.initContainers?.find((c) => c.name === 'sidecar');
  if (found === undefined) throw new Error('bookinfo-spa has no init container "sidecar"');
  return found;
};
const app = (): Container => get<Deployment>(objects(), 'Deployment', 'bookinfo-spa').spec.template.spec.containers[0]!;
const portNumber = (container: Container, probe: Probe | undefined) =>
  container.ports?.find((p) => p.name === probe?.httpGet?.port)?.containerPort ?? probe?.httpGet?.port;

/** The sidecar config the native sidecar reads: the file of the ConfigMap it mounts. */
function sidecarConfig(all: readonly K8sObject[]) {
  const mount = sidecar().volumeMounts?.find((m) => m.mountPath === '/etc/mirrormesh/sidecar');
  const volume = spa().spec.template.spec.volumes?.find((v) => v.name === mount?.name);
  const configMap = all.find((o) => o.kind === 'ConfigMap' && o.metadata.name === volume?.configMap?.name) as
    (K8sObject & { data: Record<string, string> }) | undefined;
  const file = env(sidecar(), 'SIDECAR_CONFIG')?.value?.split('/').at(-1) ?? '';
  return parseProxyConfig(parse(configMap?.data[file] ?? '') as unknown);
}

describe('overlays/v3-delays-native-sidecar: the standalone sidecar as a native sidecar in front of the SPA', () => {
  it('runs the sidecar as an init container with restartPolicy Always, from the release image', () => {
    expect(sidecar()).toMatchObject({ restartPolicy: 'Always', image: expect.stringMatching(/(^|\/)mirrormesh\/sidecar:\d+\.\d+\.\d+$/) });
    expect(spa().spec.template.spec.containers.map((c) => c.name)).toEqual(['bookinfo-spa']);
  });

  it('runs the SPA without its sidecar config, sending /api to the sidecar’s listener on loopback', () => {
    expect(env(app(), 'SIDECAR_CONFIG')).toBeUndefined();
    expect(app().volumeMounts?.map((m) => m.mountPath)).not.toContain('/etc/mirrormesh/sidecar');
    const listener = sidecarConfig(objects()).listener;
    expect(listener.host).toBe('127.0.0.1');
    expect(env(app(), 'API_UPSTREAM')?.value).toBe(`http://127.0.0.1:${listener.port}`);
  });

  it('gives the sidecar the mirroring config of the SPA’s ConfigMap: bookservice mirrored, answers compared', () => {
    const config = sidecarConfig(objects());
    expect(spa().spec.template.spec.volumes?.find((v) => v.name === 'sidecar-config')?.configMap?.name).toMatch(/^bookinfo-spa-sidecar-/);
    expect(config.routes[0]).toMatchObject({ mirror: { cluster: 'bookservicemirror', compare: { enabled: true } } });
  });

  it('probes the sidecar (startup, readiness, liveness) on its admin port, where its admin API listens', () => {
    const admin = sidecarConfig(objects()).admin;
    for (const probe of [sidecar().startupProbe, sidecar().readinessProbe, sidecar().livenessProbe]) {
      expect(probe?.httpGet?.path).toMatch(/^\/health\/(ready|live)$/);
      expect(portNumber(sidecar(), probe)).toBe(admin.port);
    }
    // The kubelet probes the pod IP: the admin API must listen beyond loopback, read-only, since no token is deployed.
    expect(admin.host).toBe('0.0.0.0');
    expect(env(sidecar(), 'ADMIN_WRITES')?.value).toBe('false');
    expect(env(sidecar(), 'ADMIN_TOKEN')).toBeUndefined();
  });

  it('leaves the admin port and its variables to the sidecar: the SPA declares neither', () => {
    expect(app().ports?.map((p) => p.name)).toEqual(['http']);
    for (const name of ['ADMIN_PORT', 'ADMIN_HOST', 'ADMIN_WRITES']) expect(env(app(), name)).toBeUndefined();
  });

  it('scrapes the sidecar’s admin port, and no Service exposes it', () => {
    const annotations = spa().spec.template.metadata.annotations ?? {};
    const adminPort = sidecar().ports?.find((p) => p.name === 'admin')?.containerPort;
    expect(annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(adminPort),
      'prometheus.io/path': '/metrics',
    });
    for (const service of ofKind<Service>(objects(), 'Service')) {
      for (const port of service.spec.ports) expect([service.metadata.name, port.targetPort]).not.toEqual([service.metadata.name, 'admin']);
    }
  });

  it('restricts the sidecar as every container: non-root, read-only, no escalation nor capabilities, bounded', () => {
    expect(sidecar().securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(spa().spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
    expect(Object.keys(sidecar().resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(sidecar().resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it('lets the sidecar report to the in-cluster collector: its connection string and its certificate', () => {
    // local-collector generates the Secret (its name gets a content hash, and the reference follows).
    const secret = get(objects(), 'Secret', 'appinsights');
    expect(env(sidecar(), 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.valueFrom?.secretKeyRef).toEqual({
      name: secret.metadata.name,
      key: 'connection-string',
      optional: true,
    });
    expect(env(sidecar(), 'NODE_EXTRA_CA_CERTS')?.value).toBe('/etc/mirrormesh/collector-ca/tls.crt');
    expect(sidecar().volumeMounts?.map((m) => m.name)).toContain('collector-ca');
  });

  it('differs from v3-delays only in the SPA’s pod and what local-collector adds', () => {
    const names = (all: readonly K8sObject[]) => all.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(names(objects())).toEqual(names(renderOverlayWith('v3-delays', ['local-collector'])));
    expect(names(renderOverlay('v3-delays')).length).toBeLessThan(objects().length);
  });
});

describe('the native sidecar passes the strict offline schema check', () => {
  it('every object of the overlay, and of the component on v2-mirroring without the collector', async () => {
    const failures: string[] = [];
    for (const object of [...objects(), ...renderOverlayWith('v2-mirroring', ['native-sidecar'])]) {
      await validateK8sObject(object).catch((error: Error) => failures.push(error.message));
    }
    expect(failures).toEqual([]);
  });

  // kubernetes-models 5.1 has Container.restartPolicy (and restartPolicyRules) for init containers, as a string.
  it('knows initContainers[].restartPolicy, and still refuses a misspelt field there', async () => {
    const pod = (field: string) =>
      inlineObject(`apiVersion: apps/v1
kind: Deployment
metadata: { name: native }
spec:
  selector: { matchLabels: { app: native } }
  template:
    metadata: { labels: { app: native } }
    spec:
      initContainers:
        - { name: sidecar, image: mirrormesh/sidecar:0.1.0, ${field}: Always }
      containers:
        - { name: app, image: mirrormesh/bookinfo-spa:0.1.0 }
`);
    await expect(validateK8sObject(pod('restartPolicy'))).resolves.toBeUndefined();
    await expect(validateK8sObject(pod('restartPolicyy'))).rejects.toThrow(
      'Deployment/native: spec/template/spec/initContainers/0 has an unknown field "restartPolicyy"',
    );
  });
});
