import { LIVE_VERSION_TAG, MIRROR_VERSION_TAGS, SCENARIOS, type K8sObject, type Scenario } from '../src';
import { env, envValue, find, get, ofKind, spaSidecarConfig, type Container, type Deployment, type Service } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

const VARIANTS: Record<Scenario, string | undefined> = {
  'v1-live': undefined,
  'v2-mirroring': 'live',
  'v3-delays': 'delay',
  'v4-fault': 'fault',
  'v5-schema-change': 'schema-change',
};
const MIRRORING = SCENARIOS.filter((s) => MIRROR_VERSION_TAGS[s] !== undefined);
/** Every image the release component pins, with its registry and its one tag. */
const RELEASE_IMAGE = /^docker\.io\/mirrormesh\/(book-service|bookinfo-spa|collector|sidecar):(\d+\.\d+\.\d+)$/;

const containers = (objects: readonly K8sObject[]): [string, Container][] =>
  ofKind<Deployment>(objects, 'Deployment').flatMap((d) =>
    d.spec.template.spec.containers.map((c): [string, Container] => [`${d.metadata.name}/${c.name}`, c]),
  );

describe.each(SCENARIOS)('overlay %s', (scenario) => {
  const objects = () => renderOverlay(scenario);

  it('runs the live book service as V1MIR-LiveBookService, live variant', () => {
    const deployment = get<Deployment>(objects(), 'Deployment', 'bookservice');
    const [live] = deployment.spec.template.spec.containers;
    expect(envValue(deployment, live!, 'VERSION_TAG')).toBe(LIVE_VERSION_TAG);
    expect(env(live!, 'BOOK_SERVICE_VARIANT')?.value).toBe('live');
  });

  it('deploys the mirror with its VersionTag and variant, or no mirror at all for v1', () => {
    const mirror = find<Deployment>(objects(), 'Deployment', 'bookservicemirror');
    const tag = MIRROR_VERSION_TAGS[scenario];
    if (tag === undefined) {
      expect(mirror).toBeUndefined();
      expect(find(objects(), 'Service', 'bookservicemirror')).toBeUndefined();
      return;
    }
    const [container] = mirror!.spec.template.spec.containers;
    expect(envValue(mirror!, container!, 'VERSION_TAG')).toBe(tag);
    expect(env(container!, 'BOOK_SERVICE_VARIANT')?.value).toBe(VARIANTS[scenario]);
    // Same image as live: the mirror differs by configuration only.
    expect(container!.image).toBe(get<Deployment>(objects(), 'Deployment', 'bookservice').spec.template.spec.containers[0]!.image);
  });

  it('gives the SPA a sidecar config whose clusters are the Services, mirroring only when a mirror exists', () => {
    const config = spaSidecarConfig(objects());
    const route = config.routes[0]!;
    const endpointOf = (cluster: string) => config.clusters.find((c) => c.name === cluster)?.endpoints;
    const serviceAddress = (name: string) => `${name}:${get<Service>(objects(), 'Service', name).spec.ports[0]!.port}`;
    expect(route.route?.map((r) => r.destination.cluster)).toEqual(['bookservice']);
    expect(endpointOf('bookservice')).toEqual([serviceAddress('bookservice')]);
    if (MIRROR_VERSION_TAGS[scenario] === undefined) {
      expect(config.routes.every((r) => r.mirror === undefined)).toBe(true);
    } else {
      // The mirror cluster's address is the mirror Service's DNS name and port.
      expect(route.mirror?.cluster).toBe('bookservicemirror');
      expect(endpointOf('bookservicemirror')).toEqual([serviceAddress('bookservicemirror')]);
      expect(route.mirrorPercentage?.value ?? 100).toBe(100);
      // Answers compared, with the live version's second instance as the noise cluster.
      expect(route.mirror?.compare).toMatchObject({ enabled: true, ignore: [], noise: { cluster: 'bookservicelive2' } });
      expect(endpointOf('bookservicelive2')).toEqual([serviceAddress('bookservicelive2')]);
    }
  });

  it('runs the noise instance (the live version again) exactly where answers are compared', () => {
    const live2 = find<Deployment>(objects(), 'Deployment', 'bookservicelive2');
    if (MIRROR_VERSION_TAGS[scenario] === undefined) return expect(live2).toBeUndefined();
    const [container] = live2!.spec.template.spec.containers;
    expect(envValue(live2!, container!, 'VERSION_TAG')).toBe(LIVE_VERSION_TAG);
    expect(env(container!, 'BOOK_SERVICE_VARIANT')?.value).toBe('live');
  });

  it('selects every Deployment with a Service whose selector and target port exist', () => {
    for (const service of ofKind<Service>(objects(), 'Service')) {
      const deployment = ofKind<Deployment>(objects(), 'Deployment').find((d) =>
        Object.entries(service.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      );
      expect(deployment).toBeDefined();
      const portNames = deployment!.spec.template.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name);
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });

  it('publishes the SPA on port 80 of a LoadBalancer', () => {
    const spa = get<Service>(objects(), 'Service', 'bookinfo-spa');
    expect(spa.spec.type).toBe('LoadBalancer');
    expect(spa.spec.ports.map((p) => p.port)).toEqual([80]);
  });

  it('pins every image to the release tag (no latest, no untagged image)', () => {
    const images = containers(objects()).map(([, c]) => c.image);
    for (const image of images) expect(image).toMatch(RELEASE_IMAGE);
    expect(new Set(images.map((i) => RELEASE_IMAGE.exec(i)?.[2])).size).toBe(1);
  });

  it('probes readiness and liveness over HTTP on a declared port, and bounds resources', () => {
    for (const [name, c] of containers(objects())) {
      const ports = (c.ports ?? []).map((p) => p.name);
      for (const probe of [c.readinessProbe, c.livenessProbe]) {
        expect({ name, path: probe?.httpGet?.path }).toEqual({ name, path: expect.stringMatching(/^\/health\/(ready|live)$/) });
        expect(ports).toContain(probe?.httpGet?.port);
      }
      expect({
        name,
        requests: Object.keys(c.resources?.requests ?? {}).sort(),
        limits: Object.keys(c.resources?.limits ?? {}).sort(),
      }).toEqual({
        name,
        requests: ['cpu', 'memory'],
        limits: ['cpu', 'memory'],
      });
    }
  });

  it('runs every container non-root, read-only, without privilege escalation or capabilities', () => {
    for (const deployment of ofKind<Deployment>(objects(), 'Deployment')) {
      expect({ name: deployment.metadata.name, nonRoot: deployment.spec.template.spec.securityContext?.runAsNonRoot }).toEqual({
        name: deployment.metadata.name,
        nonRoot: true,
      });
      for (const c of deployment.spec.template.spec.containers) {
        expect({ name: c.name, ...c.securityContext }).toEqual({
          name: c.name,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('reads the connection string from the appinsights Secret, which is not committed', () => {
    expect(ofKind(objects(), 'Secret')).toEqual([]);
    for (const [name, c] of containers(objects())) {
      // The noise instance only answers copies: reporting as live would double live's requests in the lab's query.
      if (name.startsWith('bookservicelive2/')) {
        expect(env(c, 'APPLICATIONINSIGHTS_CONNECTION_STRING')).toBeUndefined();
        continue;
      }
      expect({ name, ref: env(c, 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.valueFrom?.secretKeyRef }).toEqual({
        name,
        ref: { name: 'appinsights', key: 'connection-string', optional: true },
      });
    }
  });
});

describe('the v2–v5 overlays differ only in the mirror they run', () => {
  it.each(MIRRORING)('%s has the same objects as v2-mirroring apart from the mirror Deployment', (scenario) => {
    const strip = (objects: readonly K8sObject[]) =>
      objects.filter((o) => !(o.kind === 'Deployment' && o.metadata.name === 'bookservicemirror'));
    expect(strip(renderOverlay(scenario))).toEqual(strip(renderOverlay('v2-mirroring')));
  });
});

describe('components/local-collector', () => {
  const objects = () => renderOverlayWith('v3-delays', ['local-collector']);

  it('runs the collector behind a Service with the TLS track port and the plain query port', () => {
    const service = get<Service>(objects(), 'Service', 'collector');
    expect(service.spec.ports.map((p) => [p.name, p.port])).toEqual([
      ['https', 4443],
      ['query', 4480],
    ]);
    const [collector] = get<Deployment>(objects(), 'Deployment', 'collector').spec.template.spec.containers;
    expect(collector!.image).toMatch(RELEASE_IMAGE);
  });

  it('points every service at it and makes them trust its certificate', () => {
    const secret = get<K8sObject & { data: Record<string, string> }>(objects(), 'Secret', 'appinsights');
    const connectionString = Buffer.from(secret.data['connection-string']!, 'base64').toString('utf8');
    expect(connectionString).toMatch(/;IngestionEndpoint=https:\/\/collector:4443\/$/);
    for (const name of ['bookservice', 'bookservicemirror', 'bookinfo-spa']) {
      const deployment = get<Deployment>(objects(), 'Deployment', name);
      const [c] = deployment.spec.template.spec.containers;
      expect(env(c!, 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.valueFrom?.secretKeyRef?.name).toBe(secret.metadata.name);
      const ca = env(c!, 'NODE_EXTRA_CA_CERTS')?.value;
      const mount = c!.volumeMounts?.find((m) => ca?.startsWith(`${m.mountPath}/`));
      const volume = deployment.spec.template.spec.volumes?.find((v) => v.name === mount?.name);
      expect({ name, secret: volume?.secret?.secretName }).toEqual({ name, secret: 'collector-tls' });
    }
    const spa = get<Deployment>(objects(), 'Deployment', 'bookinfo-spa').spec.template.spec.containers[0]!;
    expect(env(spa, 'COLLECTOR_URL')?.value).toBe('http://collector:4480');
  });
});
