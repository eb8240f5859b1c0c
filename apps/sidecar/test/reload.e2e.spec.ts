import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

describe('sidecar reload: SIGHUP and file change; a bad config is logged and the old one stays', () => {
  const client = createClient();
  let v1: Upstream;
  let v2: Upstream;
  let sidecar: SidecarProcess;
  const configFor = (endpoint: string, extra: Record<string, unknown> = {}) => ({
    clusters: [{ name: 'live', endpoints: [endpoint] }],
    routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }], ...extra }],
  });
  const upstreamNow = async () => (JSON.parse((await client.send(`${sidecar.url}/x`)).text) as { upstream: string }).upstream;
  const reloads = () =>
    sidecar
      .stderr()
      .split('\n')
      .filter((l) => l.includes('config reloaded')).length;

  beforeAll(async () => {
    [v1, v2] = await Promise.all([startUpstream('v1'), startUpstream('v2')]);
  });
  afterEach(() => sidecar.stop());
  afterAll(async () => {
    await client.close();
    await Promise.all([v1.close(), v2.close()]);
  });

  it('reloads on SIGHUP', async () => {
    sidecar = await startSidecarProcess(configFor(v1.endpoint), { WATCH_CONFIG: 'false' });
    expect(await upstreamNow()).toBe('v1');
    sidecar.writeConfig(configFor(v2.endpoint));
    sidecar.child.kill('SIGHUP');
    await eventually(() => reloads() === 1);
    expect(await upstreamNow()).toBe('v2');
  });

  it('reloads when the file changes', async () => {
    sidecar = await startSidecarProcess(configFor(v1.endpoint));
    sidecar.writeConfig(configFor(v2.endpoint));
    await eventually(() => reloads() >= 1);
    expect(await upstreamNow()).toBe('v2');
  });

  it('keeps the old config and logs the path and rule when the new one is invalid', async () => {
    sidecar = await startSidecarProcess(configFor(v1.endpoint), { WATCH_CONFIG: 'false' });
    sidecar.writeConfig(configFor(v2.endpoint, { mirror: { cluster: 'ghost' } }));
    sidecar.child.kill('SIGHUP');
    await eventually(() => sidecar.stderr().includes('config reload refused'));
    expect(sidecar.stderr()).toContain('routes[0].mirror.cluster \\"ghost\\" is not a defined cluster');
    expect(await upstreamNow()).toBe('v1');
    expect(sidecar.child.exitCode).toBeNull();
  });
});
