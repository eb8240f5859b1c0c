import { type ServerResponse } from 'node:http';
import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

/** The sidecar process serves the shadow diff of a compared mirror on its admin API. */
describe('sidecar: GET /diff on the admin API', () => {
  const client = createClient();
  let live: Upstream;
  let candidate: Upstream;
  let sidecar: SidecarProcess;
  const answer = (body: unknown) => (_req: unknown, res: ServerResponse) => {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  beforeAll(async () => {
    live = await startUpstream('live', answer({ id: 1, year: 1965 }));
    candidate = await startUpstream('candidate', answer({ id: 1, year: '1965' }));
    sidecar = await startSidecarProcess({
      clusters: [
        { name: 'bookservice', endpoints: [live.endpoint] },
        { name: 'bookservicemirror', endpoints: [candidate.endpoint] },
      ],
      routes: [
        {
          name: 'books',
          route: [{ destination: { cluster: 'bookservice' } }],
          mirror: { cluster: 'bookservicemirror', compare: { enabled: true } },
        },
      ],
    });
  });
  afterAll(async () => {
    await sidecar?.stop();
    await client.close();
    await Promise.all([live.close(), candidate.close()]);
  });

  it('reports the type change of every compared pair, and counts it on /metrics', async () => {
    for (let i = 0; i < 3; i += 1) expect((await client.send(`${sidecar.url}/books/1`)).status).toBe(200);
    type Report = { routes: { compared: number; paths: { path: string; kind: string; count: number }[] }[] };
    const read = async () => JSON.parse((await client.send(`${sidecar.adminUrl}/diff`)).text) as Report;
    let report = await read();
    // The copies' answers arrive after the live ones: poll, bounded.
    for (let tries = 0; report.routes[0]?.compared !== 3 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = await read();
    }
    expect(report.routes[0]?.paths.map((p) => [p.path, p.kind, p.count])).toEqual([['$.year', 'type-changed', 3]]);
    const metrics = (await client.send(`${sidecar.adminUrl}/metrics`)).text;
    expect(metrics).toContain('mirrormesh_diff_total{route="books",mirror="bookservicemirror",result="different"} 3');
  });
});
