import { writeFileSync } from 'node:fs';
import { type MeshDashboard } from '../src/mesh/mesh-dashboard.dto';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { sidecarYaml, startSpa, type RunningSpa } from './support/spa-fixture';

async function edges(spa: RunningSpa): Promise<MeshDashboard['topology']['edges']> {
  return (await get(`${spa.url}/_mesh/dashboard`)).json<MeshDashboard>().topology.edges;
}

describe('sidecar config reload (WATCH_CONFIG)', () => {
  let live: RecordingUpstream;
  let mirror: RecordingUpstream;
  let spa: RunningSpa;

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startRecordingUpstream(), startRecordingUpstream()]);
    spa = await startSpa({ live: live.endpoint, env: { WATCH_CONFIG: 'true' } });
  });
  afterAll(async () => {
    await spa?.close();
    await Promise.all([live?.close(), mirror?.close()]);
  });

  async function waitForEdges(count: number): Promise<void> {
    for (let i = 0; i < 100 && (await edges(spa)).length !== count; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('swaps in a valid new config and keeps the old one when the new one is invalid', async () => {
    expect(await edges(spa)).toHaveLength(1);
    writeFileSync(spa.configFile, sidecarYaml({ live: live.endpoint, mirror: mirror.endpoint, mirrorPercentage: 50 }));
    await waitForEdges(2);
    expect(await edges(spa)).toContainEqual({ kind: 'mirror', cluster: 'bookservicemirror', percentage: 50 });

    writeFileSync(spa.configFile, 'clusters: []\nroutes: []\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await edges(spa)).toHaveLength(2);
    expect((await get(`${spa.url}/api/books`)).status).toBe(200);
  });
});
