import { runSidecar, tempConfig } from './support/spawn-sidecar';

describe('sidecar start-up: an invalid config stops it with exit code 2 and the path and rule', () => {
  const valid = {
    clusters: [{ name: 'live', endpoints: ['127.0.0.1:9'] }],
    routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
  };

  it('names the unknown mirror cluster', async () => {
    const { file, cleanup } = tempConfig({ ...valid, routes: [{ ...valid.routes[0], mirror: { cluster: 'x' } }] });
    try {
      const { code, stderr } = await runSidecar(['--config', file]);
      expect(code).toBe(2);
      expect(stderr).toContain(`${file}: invalid config:`);
      expect(stderr).toContain('routes[0].mirror.cluster "x" is not a defined cluster');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      cleanup();
    }
  });

  it('reports a YAML syntax error, read through SIDECAR_CONFIG', async () => {
    const { file, cleanup } = tempConfig('clusters: [oops', 'sidecar.yaml');
    try {
      const { code, stderr } = await runSidecar([], { SIDECAR_CONFIG: file });
      expect(code).toBe(2);
      expect(stderr).toContain(`${file}: is not valid YAML`);
    } finally {
      cleanup();
    }
  });

  it('exits 2 with usage when no config is given, or the file is missing', async () => {
    expect(await runSidecar([])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: node dist/main.js --config FILE') });
    expect(await runSidecar(['--config', '/nonexistent/sidecar.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('file not found'),
    });
    expect(await runSidecar(['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown argument "--bogus"') });
  });

  it('exits 2 when an environment variable breaks its rule', async () => {
    const { file, cleanup } = tempConfig(valid);
    try {
      expect(await runSidecar(['--config', file], { LOG_FORMAT: 'xml' })).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('LOG_FORMAT must be one of "json", "common"'),
      });
    } finally {
      cleanup();
    }
  });
});
