import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseProxyConfig, type ProxyConfig } from '@mirrormesh/proxy';
import {
  COMPOSE_FILE,
  ComposeSchemaError,
  DOCKER_DIR,
  HOST_NETWORK_COMPOSE_FILE,
  MIRROR_VERSION_TAGS,
  REPO_ROOT,
  SCENARIOS,
  readComposeFile,
  validateComposeDocument,
} from '../src';
import { env, envValue, get, type Deployment } from './support/objects';
import { renderOverlay } from './support/render';

interface ComposeService {
  image?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  network_mode?: string;
  command?: string[];
}
type ComposeFile = { services: Record<string, ComposeService> };

const compose = () => readComposeFile(COMPOSE_FILE) as unknown as ComposeFile;
const hostNetwork = () => readComposeFile(HOST_NETWORK_COMPOSE_FILE) as unknown as ComposeFile;
const readEnvFile = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
const scenarioEnv = (scenario: string, service: string) => readEnvFile(join(DOCKER_DIR, 'scenarios', scenario, `${service}.env`));
const sidecarConfig = (file: string): ProxyConfig => parseProxyConfig(parse(readFileSync(file, 'utf8')) as unknown);
/** `/etc/mirrormesh/sidecar/mirror.yaml` in the SPA → the file compose mounts there. */
const mountedSidecarFile = (containerPath: string, sidecarDir: string) =>
  join(sidecarDir, containerPath.replace('/etc/mirrormesh/sidecar/', ''));

describe('compose.yaml against the compose-spec schema', () => {
  it.each([
    ['compose.yaml', COMPOSE_FILE],
    ['docker/compose.host-network.yaml', HOST_NETWORK_COMPOSE_FILE],
  ])('%s validates', (_name, file) => {
    expect(() => validateComposeDocument(readComposeFile(file), file)).not.toThrow();
  });

  it('rejects an unknown service key and a wrongly typed field, one line each with its path', () => {
    const broken = { services: { web: { image: 'x', helthcheck: {}, ports: 8080 } } };
    expect(() => validateComposeDocument(broken, 'broken.yaml')).toThrow(ComposeSchemaError);
    expect(() => validateComposeDocument(broken, 'broken.yaml')).toThrow(
      /\/services\/web must NOT have additional properties \(helthcheck\)/,
    );
    expect(() => validateComposeDocument(broken, 'broken.yaml')).toThrow(/\/services\/web\/ports must be array/);
  });
});

const dockerCompose = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const withDockerCompose = dockerCompose.status === 0 ? it : it.skip;

describe('docker-compose config -q (when docker-compose is installed)', () => {
  withDockerCompose.each(SCENARIOS)('accepts MIRROR_SCENARIO=%s, alone and with the host-network override', (scenario) => {
    for (const files of [
      ['-f', COMPOSE_FILE],
      ['-f', COMPOSE_FILE, '-f', HOST_NETWORK_COMPOSE_FILE],
    ]) {
      const result = spawnSync('docker-compose', [...files, 'config', '-q'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, MIRROR_SCENARIO: scenario },
        timeout: 15_000,
      });
      expect({ files, status: result.status, stderr: result.stderr }).toEqual({ files, status: 0, stderr: '' });
    }
  });
});

describe('compose services', () => {
  it('publishes the SPA on localhost:8080 and waits for healthy dependencies everywhere', () => {
    const { services } = compose();
    expect(services['bookinfo-spa']?.ports).toEqual(['127.0.0.1:8080:8080']);
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: 'service_healthy' });
        expect(services[dependency]?.healthcheck?.test).toEqual(['CMD', 'node', '/usr/local/lib/mirrormesh/healthcheck.js']);
      }
    }
    expect(Object.keys(services['bookinfo-spa']?.depends_on ?? {}).sort()).toEqual([
      'bookservice',
      'bookservicelive2',
      'bookservicemirror',
      'collector',
    ]);
    expect(services['poller']?.profiles).toEqual(['poller']);
  });

  it('pins every image to the release tag the Kustomize overlays use', () => {
    const overlayImage = get<Deployment>(renderOverlay('v1-live'), 'Deployment', 'bookservice').spec.template.spec.containers[0]!.image;
    const tag = overlayImage.slice(overlayImage.indexOf(':'));
    for (const [name, service] of Object.entries(compose().services))
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(new RegExp(`^mirrormesh/[a-z-]+${tag}$`)) });
  });

  it('sends telemetry to the collector by default and to APPLICATIONINSIGHTS_CONNECTION_STRING when set', () => {
    for (const name of ['bookservice', 'bookservicemirror', 'bookinfo-spa', 'sidecar']) {
      const environment = compose().services[name]?.environment ?? {};
      expect(environment['APPLICATIONINSIGHTS_CONNECTION_STRING']).toMatch(
        /^\$\{APPLICATIONINSIGHTS_CONNECTION_STRING:-InstrumentationKey=[0-9a-f-]+;IngestionEndpoint=https:\/\/collector:4443\/\}$/,
      );
      expect(environment['NODE_EXTRA_CA_CERTS']).toBe('/collector/tls/collector-cert.pem');
    }
    expect(compose().services['collector']?.environment?.['TLS_HOSTS']?.split(',')).toContain('collector');
  });
});

describe.each(SCENARIOS)('MIRROR_SCENARIO=%s', (scenario) => {
  it('runs the same mirror version as the Kustomize overlay of that name', () => {
    const mirror = scenarioEnv(scenario, 'bookservicemirror');
    const overlayMirror = renderOverlay(scenario).find((o) => o.kind === 'Deployment' && o.metadata.name === 'bookservicemirror') as
      Deployment | undefined;
    if (overlayMirror === undefined) {
      // v1-live: the mirror container idles; nothing is sent to it.
      expect(mirror['VERSION_TAG']).toBe(MIRROR_VERSION_TAGS['v2-mirroring']);
    } else {
      const c = overlayMirror.spec.template.spec.containers[0]!;
      expect(mirror).toEqual({
        BOOK_SERVICE_VARIANT: env(c, 'BOOK_SERVICE_VARIANT')?.value,
        VERSION_TAG: envValue(overlayMirror, c, 'VERSION_TAG'),
      });
    }
  });

  it.each([
    ['compose.yaml', false, join(DOCKER_DIR, 'sidecar')],
    ['the host-network override', true, join(DOCKER_DIR, 'sidecar', 'host-network')],
  ])('gives the SPA a sidecar config that names the book services where %s runs them', (_name, hostMode, sidecarDir) => {
    const config = sidecarConfig(mountedSidecarFile(scenarioEnv(scenario, 'bookinfo-spa')['SIDECAR_CONFIG']!, sidecarDir));
    const address = (service: string) => {
      const override = hostNetwork().services[service];
      if (!hostMode) return `${service}:${compose().services[service]?.environment?.['PORT']}`;
      expect(override?.network_mode).toBe('host');
      return `${override?.environment?.['HOST']}:${override?.environment?.['PORT']}`;
    };
    const endpoints = (cluster: string) => config.clusters.find((c) => c.name === cluster)?.endpoints;
    expect(endpoints('bookservice')).toEqual([address('bookservice')]);
    const mirror = config.routes[0]?.mirror;
    if (MIRROR_VERSION_TAGS[scenario] === undefined) {
      expect(mirror).toBeUndefined();
    } else {
      expect(mirror?.cluster).toBe('bookservicemirror');
      expect(endpoints('bookservicemirror')).toEqual([address('bookservicemirror')]);
      // Every mirrored scenario compares answers, the live version's second instance giving the noise.
      expect(mirror?.compare).toMatchObject({ enabled: true, ignore: [], noise: { cluster: 'bookservicelive2' } });
      expect(endpoints('bookservicelive2')).toEqual([address('bookservicelive2')]);
    }
  });
});

describe('the noise instance of the answer comparison', () => {
  it('runs the live version, without telemetry, like the Kustomize component', () => {
    const { environment } = compose().services['bookservicelive2']!;
    expect(environment).toMatchObject({ BOOK_SERVICE_VARIANT: 'live', VERSION_TAG: 'V1MIR-LiveBookService' });
    expect(environment).not.toHaveProperty('APPLICATIONINSIGHTS_CONNECTION_STRING');
    const live2 = get<Deployment>(renderOverlay('v2-mirroring'), 'Deployment', 'bookservicelive2');
    const c = live2.spec.template.spec.containers[0]!;
    expect({ variant: env(c, 'BOOK_SERVICE_VARIANT')?.value, tag: envValue(live2, c, 'VERSION_TAG') }).toEqual({
      variant: environment?.['BOOK_SERVICE_VARIANT'],
      tag: environment?.['VERSION_TAG'],
    });
  });
});

describe('the standalone sidecar profile', () => {
  it('mounts a config the sidecar accepts, listening on every interface of its container', () => {
    const config = sidecarConfig(join(DOCKER_DIR, 'sidecar', 'standalone.yaml'));
    expect(config.listener).toMatchObject({ host: '0.0.0.0', port: 15001 });
    expect(config.admin.host).toBe('127.0.0.1');
    expect(compose().services['sidecar']?.volumes).toContain('./docker/sidecar:/etc/mirrormesh/sidecar:ro');
    expect(compose().services['sidecar']?.command).toEqual(['node', 'dist/main.js', '--config', '/etc/mirrormesh/sidecar/standalone.yaml']);
    expect(compose().services['sidecar']?.environment?.['NODE_EXTRA_CA_CERTS']).toBe('/collector/tls/collector-cert.pem');
  });
});
