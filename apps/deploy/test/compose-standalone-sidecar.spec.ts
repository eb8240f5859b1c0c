import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseProxyConfig, type ProxyConfig } from '@mirrormesh/proxy';
import { COMPOSE_FILE, DOCKER_DIR, REPO_ROOT, SCENARIOS, readComposeFile, validateComposeDocument } from '../src';

interface Service {
  profiles?: string[];
  command?: string[];
  env_file?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  network_mode?: string;
}
type ComposeFile = { services: Record<string, Service> };

const STANDALONE = join(DOCKER_DIR, 'compose.standalone-sidecar.yaml');
const HOST_NETWORK_STANDALONE = join(DOCKER_DIR, 'compose.host-network.standalone-sidecar.yaml');
const read = (file: string) => readComposeFile(file) as unknown as ComposeFile;

/** The sidecar config a container path names, in the host directory mounted there. */
function mountedConfig(service: Service, containerFile: string): ProxyConfig {
  const mount = service.volumes?.map((v) => v.split(':')).find(([, target]) => containerFile.startsWith(`${target}/`));
  if (mount === undefined) throw new Error(`no volume holds ${containerFile}`);
  const hostFile = join(REPO_ROOT, mount[0]!, containerFile.slice(mount[1]!.length + 1));
  return parseProxyConfig(parse(readFileSync(hostFile, 'utf8')) as unknown);
}

/** SIDECAR_CONFIG of a scenario's SPA env file: the file the standalone sidecar reads in its place. */
function scenarioSidecarConfig(scenario: string): string {
  const text = readFileSync(join(DOCKER_DIR, 'scenarios', scenario, 'bookinfo-spa.env'), 'utf8');
  const value = /^SIDECAR_CONFIG=(.+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error(`${scenario}: bookinfo-spa.env sets no SIDECAR_CONFIG`);
  return value;
}

describe('the lab with the standalone sidecar in front of the SPA (docker/compose.standalone-sidecar.yaml)', () => {
  it.each([STANDALONE, HOST_NETWORK_STANDALONE])('%s validates against the compose-spec schema', (file) => {
    expect(() => validateComposeDocument(readComposeFile(file), file)).not.toThrow();
  });

  it('runs the SPA without its sidecar config, /api to the sidecar once it is healthy', () => {
    const spa = read(STANDALONE).services['bookinfo-spa'];
    // Empty counts as unset for the SPA (and overrides the scenario's env file).
    expect(spa?.environment?.['SIDECAR_CONFIG']).toBe('');
    expect(spa?.environment?.['API_UPSTREAM']).toBe('http://sidecar:15001');
    expect(spa?.depends_on?.['sidecar']).toEqual({ condition: 'service_healthy' });
  });

  it('gives the sidecar the scenario’s config through the SPA’s own env file, with no --config to shadow it', () => {
    const sidecar = read(STANDALONE).services['sidecar'];
    expect(sidecar?.command).toEqual(['node', 'dist/main.js']);
    const spaEnvFiles = read(COMPOSE_FILE).services['bookinfo-spa']?.env_file;
    expect(sidecar?.env_file).toEqual(spaEnvFiles);
  });

  it.each(SCENARIOS)(
    '%s: the sidecar finds its config in the directory compose.yaml mounts, listening where API_UPSTREAM points',
    (scenario) => {
      const base = read(COMPOSE_FILE).services['sidecar']!;
      const config = mountedConfig(base, scenarioSidecarConfig(scenario));
      expect(new URL(read(STANDALONE).services['bookinfo-spa']?.environment?.['API_UPSTREAM'] ?? '').port).toBe(
        String(config.listener.port),
      );
    },
  );

  it.each(SCENARIOS)('%s on the host network: the sidecar’s listener and health check match its host-network config', (scenario) => {
    const { services } = read(HOST_NETWORK_STANDALONE);
    const sidecar = services['sidecar']!;
    expect(sidecar.network_mode).toBe('host');
    const config = mountedConfig(sidecar, scenarioSidecarConfig(scenario));
    expect(services['bookinfo-spa']?.environment?.['API_UPSTREAM']).toBe(`http://${config.listener.host}:${config.listener.port}`);
    expect(sidecar.environment?.['HEALTHCHECK_URL']).toBe(`http://${config.admin.host}:${config.admin.port}/health/ready`);
  });

  it('keeps the sidecar off unless its profile is asked for, so a plain `docker compose up` is unchanged', () => {
    expect(read(COMPOSE_FILE).services['sidecar']?.profiles).toEqual(['sidecar']);
    expect(read(STANDALONE).services['sidecar']?.profiles).toBeUndefined();
  });
});
