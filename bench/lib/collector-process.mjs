// The local collector as a benchmark starts it: `node apps/collector/dist/main.js` with a fresh data
// directory, on a given core, ready when its query listener answers GET /health/ready; stopped by pid.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import collectorApi from '../../apps/collector/dist/index.js';
import { trackDir } from './cleanup.mjs';
import { freePort, startPinned, waitForHttp } from './child-process.mjs';
import { ROOT, RUNTIME_NODE_FLAGS } from './processes.mjs';

export const { certificatePath, localConnectionString } = collectorApi;

/**
 * Resolves with { pid, trackUrl, queryUrl, certPath, stop() }; `role` is a cpu-pinning role, `nodeArgs`
 * e.g. ['--cpu-prof', ...] for profiling.
 */
export async function startCollector({ role = 'load', nodeArgs = [] } = {}) {
  const [port, queryPort] = [await freePort(), await freePort()];
  const dataDir = trackDir(mkdtempSync(join(tmpdir(), 'mirrormesh-bench-collector-')));
  const watched = startPinned(
    role,
    'collector',
    process.execPath,
    [...RUNTIME_NODE_FLAGS, ...nodeArgs, `${ROOT}/apps/collector/dist/main.js`],
    {
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        QUERY_PORT: String(queryPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const queryUrl = `http://127.0.0.1:${queryPort}`;
  await waitForHttp(`${queryUrl}/health/ready`, watched, { name: 'collector' });
  return {
    pid: watched.pid,
    trackUrl: `https://127.0.0.1:${port}/`,
    queryUrl,
    certPath: certificatePath(dataDir),
    stop: () => watched.stop(),
  };
}

/** Request items the collector holds whose VersionTag contains `tag`. */
export async function storedCount(queryUrl, tag) {
  const response = await request(`${queryUrl}/query/requests-summary?contains=${encodeURIComponent(tag)}`);
  return (await response.body.json()).rows.reduce((sum, row) => sum + row.requestCount, 0);
}
