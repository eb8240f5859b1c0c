import { SchemaError } from '@mirrormesh/schema';
import { BOOKINFO_SPA_DEFAULTS, DEFAULT_WEB_ROOT, loadBookinfoSpaConfig } from './bookinfo-spa.config';

describe('loadBookinfoSpaConfig', () => {
  it('needs only the sidecar config file', () => {
    const config = loadBookinfoSpaConfig({ SIDECAR_CONFIG: '/etc/sidecar/sidecar.yaml' });
    expect(config).toEqual({
      service: expect.objectContaining({ name: 'bookinfo-spa', port: 8080, host: '0.0.0.0', versionTag: undefined }),
      sidecarConfigFile: '/etc/sidecar/sidecar.yaml',
      watchConfig: true,
      webRoot: DEFAULT_WEB_ROOT,
      collector: undefined,
    });
  });

  it('reads the collector settings', () => {
    const config = loadBookinfoSpaConfig({
      SIDECAR_CONFIG: 'x.yaml',
      COLLECTOR_URL: 'http://collector:4318',
      COLLECTOR_TIMEOUT_MS: '800',
      WATCH_CONFIG: 'false',
      WEB_ROOT: '/srv/web',
    });
    expect(config.collector).toEqual({
      url: 'http://collector:4318',
      contains: BOOKINFO_SPA_DEFAULTS.collectorContains,
      timeoutMs: 800,
      queryTimeoutMs: BOOKINFO_SPA_DEFAULTS.collectorQueryTimeoutMs,
    });
    expect(config.watchConfig).toBe(false);
    expect(config.webRoot).toBe('/srv/web');
  });

  it('reads the admin port of the in-process sidecar, none unless set', () => {
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x.yaml' }).adminPort).toBeUndefined();
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x.yaml', ADMIN_PORT: '15000' }).adminPort).toBe(15000);
  });

  it.each([
    [{}, 'SIDECAR_CONFIG is required'],
    [{ SIDECAR_CONFIG: 'x', COLLECTOR_URL: 'collector:4318' }, 'COLLECTOR_URL must be an'],
    [{ SIDECAR_CONFIG: 'x', COLLECTOR_URL: 'ftp://collector' }, 'COLLECTOR_URL must be an http:// or https:// URL'],
    [{ SIDECAR_CONFIG: 'x', COLLECTOR_URL: 'http://user:secret@collector' }, 'COLLECTOR_URL must not contain credentials'],
    [{ SIDECAR_CONFIG: 'x', COLLECTOR_TIMEOUT_MS: '5' }, 'COLLECTOR_TIMEOUT_MS'],
    [{ SIDECAR_CONFIG: 'x', PORT: 'http' }, 'PORT'],
    [{ SIDECAR_CONFIG: 'x', ADMIN_PORT: '70000' }, 'ADMIN_PORT'],
    [{ SIDECAR_CONFIG: 'x', ADMIN_PORT: 'admin' }, 'ADMIN_PORT'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadBookinfoSpaConfig(env)).toThrow(SchemaError);
    expect(() => loadBookinfoSpaConfig(env)).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    expect(() => loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x', COLLECTOR_URL: 'http://user:hunter2@collector' })).not.toThrow(/hunter2/);
  });
});
