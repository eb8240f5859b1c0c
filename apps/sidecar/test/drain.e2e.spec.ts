import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

describe('sidecar SIGTERM: drains in-flight live requests, then exits 0', () => {
  const client = createClient();
  let slow: Upstream;
  let sidecar: SidecarProcess;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    slow = await startUpstream('slow', (_req, res) => held.push(res));
    sidecar = await startSidecarProcess({
      clusters: [{ name: 'live', endpoints: [slow.endpoint] }],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
    });
  });
  afterAll(async () => {
    await client.close();
    await sidecar.stop();
    await slow.close();
  });

  it('finishes the requests in flight, refuses new connections, exits 0', async () => {
    const inflight = Promise.all([client.send(`${sidecar.url}/a`), client.send(`${sidecar.url}/b`)]);
    await eventually(() => held.length === 2);
    sidecar.child.kill('SIGTERM');
    await eventually(() => sidecar.stderr().includes('SIGTERM received'));
    // Not ready any more, and the listener no longer accepts connections.
    await expect(fetch(`${sidecar.url}/late`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    expect(sidecar.child.exitCode).toBeNull();
    setTimeout(() => held.forEach((res) => res.end('done')), 300);
    const replies = await inflight;
    expect(replies.map((r) => [r.status, r.text])).toEqual([
      [200, 'done'],
      [200, 'done'],
    ]);
    expect(await sidecar.exited).toBe(0);
    expect(sidecar.stderr()).toContain('drained; exiting');
  });
});
