import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Mesh } from '../mesh/mesh';
import { isScenarioName, SCENARIO_NAMES } from '../mesh/scenarios';

/**
 * A loopback-only endpoint through which `mirrormesh rollout`, run in another terminal,
 * asks the running `mirrormesh up` to replace its mirror. One rollout at a time.
 */
export async function startControlServer(
  mesh: Mesh,
  host: string,
  /** Runs once a rollout's mirror serves, before the caller hears of it (the up command records mesh.json). */
  onRolledOut: () => void = () => undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  let busy = false;
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(req.url ?? '/', 'http://control');
    if (req.method === 'GET' && url.pathname === '/status') return send(200, { scenario: mesh.scenario, urls: mesh.urls });
    if (req.method !== 'POST' || url.pathname !== '/rollout')
      return send(404, { code: 'NOT_FOUND', message: `no ${req.method} ${url.pathname}` });
    const scenario = url.searchParams.get('scenario') ?? '';
    if (!isScenarioName(scenario))
      return send(400, { code: 'UNKNOWN_SCENARIO', message: `scenario must be one of ${SCENARIO_NAMES.join(', ')}` });
    if (busy) return send(409, { code: 'ROLLOUT_IN_PROGRESS', message: 'another rollout is in progress' });
    busy = true;
    mesh
      .rollout(scenario)
      .then(() => {
        onRolledOut();
        send(200, { scenario: mesh.scenario, mirrorVersionTag: mesh.mirrorVersionTag, urls: mesh.urls });
      })
      .catch((error: unknown) => send(500, { code: 'ROLLOUT_FAILED', message: (error as Error).message }))
      .finally(() => (busy = false));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
