import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '..', 'dist');

/** Runs the built package in a fresh process, as an app would, and reports what got loaded. */
function loadedModules(env: Record<string, string>): { enabled: boolean; sdkLoaded: boolean } {
  const script = `
    const t = require(${JSON.stringify(DIST)}).startTelemetry({ roleName: 'probe', env: ${JSON.stringify(env)} });
    const sdkLoaded = Object.keys(require.cache).some((k) => k.includes('node_modules/applicationinsights/'));
    process.stdout.write(JSON.stringify({ enabled: t.enabled, sdkLoaded }));
    void t.shutdown().then(() => process.exit(0));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { enabled: boolean; sdkLoaded: boolean };
}

describe('the Application Insights SDK stays off the request thread', () => {
  it('stays unloaded without a connection string (a regression cost the sidecar ~60 MiB)', () => {
    expect(loadedModules({})).toEqual({ enabled: false, sdkLoaded: false });
  });

  it('is not loaded on the request thread with one either: it runs on the exporter thread', () => {
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:1/';
    expect(loadedModules({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString })).toEqual({ enabled: true, sdkLoaded: false });
  });
});
