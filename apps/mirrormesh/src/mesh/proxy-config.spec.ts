import { parseProxyConfig } from '@mirrormesh/proxy';
import { meshProxyConfig } from './proxy-config';
import { MESH_COMPARES_ANSWERS, meshCompareConfig, NOISE_CLUSTER } from './shadow-diff';

describe('meshProxyConfig', () => {
  it('without a mirror: live only, a config the proxy loads', () => {
    const config = meshProxyConfig({ live: '127.0.0.1:1001', mirror: undefined });
    expect(config).toEqual({
      clusters: [{ name: 'bookservice', endpoints: ['127.0.0.1:1001'] }],
      routes: [expect.not.objectContaining({ mirror: expect.anything() })],
    });
    expect(() => parseProxyConfig(config)).not.toThrow();
  });

  it('with a mirror and no noise instance: mirrors every request without comparing, a config the proxy loads', () => {
    const config = meshProxyConfig({ live: '127.0.0.1:1001', mirror: '127.0.0.1:1002' });
    expect(config.routes).toEqual([
      expect.objectContaining({ mirror: { cluster: 'bookservicemirror' }, mirrorPercentage: { value: 100 } }),
    ]);
    expect(() => parseProxyConfig(config)).not.toThrow();
  });

  it('with a noise instance: compares the mirror with live, the noise cluster a known cluster', () => {
    const config = meshProxyConfig({ live: '127.0.0.1:1001', mirror: '127.0.0.1:1002', noise: '127.0.0.1:1003' });
    expect(config.clusters).toContainEqual({ name: NOISE_CLUSTER, endpoints: ['127.0.0.1:1003'] });
    expect(config.routes).toEqual([
      expect.objectContaining({
        mirror: {
          cluster: 'bookservicemirror',
          compare: { enabled: true, ignore: [], noise: { cluster: 'bookservicelive2', percentage: { value: 100 } } },
        },
      }),
    ]);
  });

  // The switch is on only with a proxy that knows `mirror.compare`: the mesh must never write a config its front end refuses.
  (MESH_COMPARES_ANSWERS ? it : it.skip)('with a noise instance: a config the proxy loads', () => {
    const config = meshProxyConfig({ live: '127.0.0.1:1001', mirror: '127.0.0.1:1002', noise: '127.0.0.1:1003' });
    expect(() => parseProxyConfig(config)).not.toThrow();
  });

  it('names the noise cluster in the compare block it is given', () => {
    expect(meshCompareConfig('other')).toMatchObject({ noise: { cluster: 'other' } });
  });
});
