import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { COMPOSE_FILE, HOST_NETWORK_COMPOSE_FILE, REPO_ROOT, withoutPortsOnHostNetwork } from '../src';

const resolved = `services:
  spa:
    image: mirrormesh/bookinfo-spa:0.1.0
    network_mode: host
    ports:
      - 127.0.0.1:8080:8080/tcp
  other:
    image: x
    ports:
      - 9000:9000/tcp
volumes:
  data: {}
`;

describe('withoutPortsOnHostNetwork', () => {
  it('drops published ports from host-network services only, keeping everything else', () => {
    expect(parse(withoutPortsOnHostNetwork(resolved))).toEqual({
      services: { spa: { image: 'mirrormesh/bookinfo-spa:0.1.0', network_mode: 'host' }, other: { image: 'x', ports: ['9000:9000/tcp'] } },
      volumes: { data: {} },
    });
  });

  it('refuses input that is not a compose config', () => {
    expect(() => withoutPortsOnHostNetwork('just: text\n')).toThrow('not a compose config: no services');
  });

  const dockerCompose = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
  (dockerCompose.status === 0 ? it : it.skip)('turns compose.yaml + the host-network override into a config docker-compose accepts', () => {
    const config = spawnSync('docker-compose', ['-f', COMPOSE_FILE, '-f', HOST_NETWORK_COMPOSE_FILE, 'config'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, MIRROR_SCENARIO: 'v3-delays' },
      timeout: 15_000,
    });
    expect(config.status).toBe(0);
    const hostReady = withoutPortsOnHostNetwork(config.stdout);
    const services = (parse(hostReady) as { services: Record<string, { ports?: unknown; network_mode?: string }> }).services;
    for (const name of ['collector', 'bookservice', 'bookservicemirror', 'bookinfo-spa'])
      expect({ name, ...services[name] }).toMatchObject({ name, network_mode: 'host' });
    expect(Object.values(services).filter((s) => s.network_mode === 'host' && s.ports !== undefined)).toEqual([]);
    const check = spawnSync('docker-compose', ['-f', '-', 'config', '-q'], {
      cwd: REPO_ROOT,
      input: hostReady,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
