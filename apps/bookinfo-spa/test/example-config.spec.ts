import { join } from 'node:path';
import { loadConfigFile } from '@mirrormesh/proxy/config-file';
import { topologyOf } from '../src/mesh/mesh-topology';

describe('config/sidecar.example.yaml', () => {
  it('is a valid sidecar config with the reference topology', async () => {
    const config = await loadConfigFile(join(__dirname, '..', 'config', 'sidecar.example.yaml'));
    expect(topologyOf(config).edges).toEqual([
      { kind: 'live', cluster: 'bookservice', percentage: 100 },
      { kind: 'mirror', cluster: 'bookservicemirror', percentage: 100 },
    ]);
  });
});
