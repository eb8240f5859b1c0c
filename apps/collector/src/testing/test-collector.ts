import { localConnectionString } from '../local-connection-string';
import { startCollector, type Collector } from '../collector.app';
import { loadCollectorConfig } from '../config/collector-config';

/**
 * A real collector on ports 0 of 127.0.0.1 with the given data directory, its access log silenced: what
 * every end-to-end test that sends telemetry starts (`@mirrormesh/collector/testing`).
 */
export function startTestCollector(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Collector> {
  const config = loadCollectorConfig({
    PORT: '0',
    QUERY_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...env,
  });
  // Access-log lines would drown the test output.
  return startCollector({ ...config, service: { ...config.service, accessLogDestination: '/dev/null' } });
}

export const TEST_IKEY = '11111111-2222-3333-4444-555555555555';

export function connectionStringFor(collector: Collector): string {
  return localConnectionString(collector.listeners.secureUrl, TEST_IKEY);
}
