// The sidecar under test: `node apps/sidecar/dist/main.js --config FILE` with a generated JSON config,
// on the proxy core, ready when its admin answers GET /health/ready; stopped by pid.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { trackDir } from './cleanup.mjs';
import { freePort, startPinned, waitForHttp } from './child-process.mjs';
import { ROOT, RUNTIME_NODE_FLAGS } from './processes.mjs';

export const SIDECAR_MAIN = `${ROOT}/apps/sidecar/dist/main.js`;

export function sidecarBuilt() {
  return existsSync(SIDECAR_MAIN);
}

/**
 * The reference scenario's config: bookservice live, optionally mirrored 100 % to bookservicemirror,
 * with every traffic-management feature configured as a user would and none of them triggered (issue
 * 13's budget: they must not tax the common path). The cluster has its connection pool limits,
 * outlier detection and load balancer; a first route (header match, query match, redirect) and a
 * second (fault abort) match no benchmark request, so each request is tested against both; the books
 * route has retries with a per-try timeout, a fault delay at 0 %, WebSocket upgrades allowed with an
 * idle timeout, and its own timeout. `compare` (the shadow diff's `mirror.compare`) is set only by the
 * compare cases.
 */
export function sidecarConfig({ port, adminPort, livePort, mirrorPort, compare }) {
  return {
    listener: { host: '127.0.0.1', port },
    admin: { host: '127.0.0.1', port: adminPort },
    clusters: [
      {
        name: 'bookservice',
        endpoints: [`127.0.0.1:${livePort}`],
        connectionPool: { tcp: { maxConnections: 64, connectTimeout: '5s' }, http: { http1MaxPendingRequests: 1024, idleTimeout: '4s' } },
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        loadBalancer: { simple: 'ROUND_ROBIN' },
      },
      ...(mirrorPort ? [{ name: 'bookservicemirror', endpoints: [`127.0.0.1:${mirrorPort}`] }] : []),
    ],
    routes: [
      {
        name: 'old-api',
        match: [{ uri: { prefix: '/v0/' } }, { headers: { 'end-user': { exact: 'jason' } }, queryParams: { legacy: { exact: '1' } } }],
        redirect: { uri: '/books', redirectCode: 301 },
      },
      {
        name: 'maintenance',
        match: [{ uri: { prefix: '/admin/' }, withoutHeaders: { authorization: {} } }],
        route: [{ destination: { cluster: 'bookservice' } }],
        fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
      },
      {
        name: 'books',
        match: [{ uri: { prefix: '/' } }],
        route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
        timeout: '15s',
        retries: { attempts: 2, perTryTimeout: '5s', retryOn: '5xx,reset,connect-failure' },
        fault: { delay: { percentage: { value: 0 }, fixedDelay: '1s' } },
        websocket: { enabled: true, idleTimeout: '5m' },
        ...(mirrorPort
          ? { mirror: { cluster: 'bookservicemirror', ...(compare ? { compare } : {}) }, mirrorPercentage: { value: 100 } }
          : {}),
      },
    ],
  };
}

/**
 * Starts the sidecar; resolves with { url, pid, stats(), stop() }. Access log on in its default JSON
 * format, written to /dev/null (nginx's goes there too). `nodeArgs` e.g. ['--cpu-prof', ...] for profiling;
 * `env` overrides the sidecar's environment (e.g. ACCESS_LOG: 'false' to see what the log costs).
 */
export async function startSidecar({ livePort, mirrorPort, compare, nodeArgs = [], env = {} }) {
  const dir = trackDir(mkdtempSync(join(tmpdir(), 'mirrormesh-bench-sidecar-')));
  const [port, adminPort] = [await freePort(), await freePort()];
  const configFile = join(dir, 'sidecar.json');
  writeFileSync(configFile, JSON.stringify(sidecarConfig({ port, adminPort, livePort, mirrorPort, compare }), null, 2));
  const watched = startPinned(
    'proxy',
    'sidecar',
    process.execPath,
    [...RUNTIME_NODE_FLAGS, ...nodeArgs, SIDECAR_MAIN, '--config', configFile],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_FORMAT: 'json', ACCESS_LOG: 'true', WATCH_CONFIG: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const admin = `http://127.0.0.1:${adminPort}`;
  await waitForHttp(`${admin}/health/ready`, watched, { name: 'sidecar admin' });
  const url = `http://127.0.0.1:${port}/books/1`;
  await waitForHttp(url, watched, { name: 'sidecar listener' });
  return {
    url,
    pid: watched.pid,
    dir,
    /** The admin's JSON stats (live and mirror counts by code, drops by reason). */
    async stats() {
      const response = await request(`${admin}/stats`);
      return response.body.json();
    },
    /** The admin's GET /diff (the shadow diff's pending comparisons, drops and figures). */
    async diff() {
      const response = await request(`${admin}/diff`);
      return response.body.json();
    },
    stop: () => watched.stop(),
  };
}
