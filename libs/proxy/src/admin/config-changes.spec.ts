import { parseProxyConfig } from '../config/parse-proxy-config';
import { configChanges, restartWarning } from './config-changes';

describe('configChanges', () => {
  const before = parseProxyConfig({
    clusters: [
      { name: 'a', endpoints: ['127.0.0.1:1'] },
      { name: 'b', endpoints: ['127.0.0.1:2'] },
    ],
    routes: [
      {
        name: 'one',
        route: [{ destination: { cluster: 'a' } }],
        mirror: { cluster: 'b', headers: { request: { set: { 'x-key': 'v1' } } } },
      },
      { name: 'two', route: [{ destination: { cluster: 'a' } }] },
    ],
  });

  it('names what was added, removed and changed, and the sections that differ: never a value', () => {
    const after = parseProxyConfig({
      clusters: [
        { name: 'a', endpoints: ['127.0.0.1:1'] },
        { name: 'c', endpoints: ['127.0.0.1:3'] },
      ],
      routes: [
        {
          name: 'one',
          route: [{ destination: { cluster: 'a' } }],
          mirror: { cluster: 'c', headers: { request: { set: { 'x-key': 'v2' } } } },
        },
      ],
      limits: { requestBufferBytes: 1024 },
    });
    const changes = configChanges(before, after);
    expect(changes).toEqual({
      clusters: { added: ['c'], removed: ['b'], changed: [] },
      routes: { added: [], removed: ['two'], changed: ['one'] },
      sections: ['limits'],
    });
    expect(JSON.stringify(changes)).not.toMatch(/v1|v2/);
  });

  it('is empty for the same config', () => {
    expect(configChanges(before, parseProxyConfig(JSON.parse(JSON.stringify(before))))).toEqual({
      clusters: { added: [], removed: [], changed: [] },
      routes: { added: [], removed: [], changed: [] },
      sections: [],
    });
  });

  it('warns while an address differs from where the process bound it, not after it moved back', () => {
    const moved = parseProxyConfig({ ...JSON.parse(JSON.stringify(before)), listener: { host: '127.0.0.1', port: 9999 } });
    expect(configChanges(before, moved).sections).toEqual(['listener']);
    expect(restartWarning(before, moved)).toBe('the listener address changes only on restart: the process still listens where it started');
    const both = parseProxyConfig({ ...JSON.parse(JSON.stringify(moved)), admin: { host: '127.0.0.1', port: 9998 } });
    expect(restartWarning(before, both)).toMatch(/^the listener and admin addresses change only on restart/);
    expect(restartWarning(before, before)).toBeUndefined();
  });
});
