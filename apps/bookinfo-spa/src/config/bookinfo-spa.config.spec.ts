import { SchemaError } from '@mirrormesh/schema';
import { BOOKINFO_SPA_DEFAULTS, DEFAULT_WEB_ROOT, loadBookinfoSpaConfig } from './bookinfo-spa.config';

describe('loadBookinfoSpaConfig', () => {
  it('needs only the sidecar config file', () => {
    const config = loadBookinfoSpaConfig({ SIDECAR_CONFIG: '/etc/sidecar/sidecar.yaml' });
    expect(config).toEqual({
      service: expect.objectContaining({ name: 'bookinfo-spa', port: 8080, host: '0.0.0.0', versionTag: undefined }),
      api: { kind: 'sidecar-config', file: '/etc/sidecar/sidecar.yaml' },
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

  it('reads the admin listener, none unless ADMIN_PORT is set, on loopback unless ADMIN_HOST says otherwise', () => {
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x.yaml' }).admin).toBeUndefined();
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x.yaml', ADMIN_PORT: '15000' }).admin).toEqual({
      host: '127.0.0.1',
      port: 15000,
      token: undefined,
      writes: true,
    });
    const token = 'a-token-long-enough';
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x', ADMIN_PORT: '15000', ADMIN_HOST: '0.0.0.0', ADMIN_TOKEN: token }).admin).toEqual({
      host: '0.0.0.0',
      port: 15000,
      token,
      writes: true,
    });
    expect(loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x', ADMIN_PORT: '15000', ADMIN_HOST: '0.0.0.0', ADMIN_WRITES: 'false' }).admin).toEqual(
      {
        host: '0.0.0.0',
        port: 15000,
        token: undefined,
        writes: false,
      },
    );
  });

  it('sends /api to API_UPSTREAM instead of running a sidecar config', () => {
    expect(loadBookinfoSpaConfig({ API_UPSTREAM: 'http://127.0.0.1:15001' }).api).toEqual({
      kind: 'upstream',
      url: 'http://127.0.0.1:15001',
    });
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
    [
      { SIDECAR_CONFIG: 'x', ADMIN_PORT: '15000', ADMIN_HOST: '0.0.0.0' },
      'ADMIN_TOKEN is required when ADMIN_HOST ("0.0.0.0") is beyond loopback',
    ],
    [{ SIDECAR_CONFIG: 'x', ADMIN_PORT: '15000', ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ SIDECAR_CONFIG: 'x', API_UPSTREAM: 'http://127.0.0.1:15001' }, 'API_UPSTREAM must not be set with SIDECAR_CONFIG'],
    [{ API_UPSTREAM: 'https://sidecar:15001' }, 'API_UPSTREAM must be an http:// URL'],
    [{ API_UPSTREAM: 'http://127.0.0.1:15001/api' }, 'API_UPSTREAM must have no path or query'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadBookinfoSpaConfig(env)).toThrow(SchemaError);
    expect(() => loadBookinfoSpaConfig(env)).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    expect(() => loadBookinfoSpaConfig({ SIDECAR_CONFIG: 'x', COLLECTOR_URL: 'http://user:hunter2@collector' })).not.toThrow(/hunter2/);
  });
});
