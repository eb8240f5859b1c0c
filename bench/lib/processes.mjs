// Starting the compiled apps for a benchmark; they are stopped by pid, at the latest at cleanup.
import { fileURLToPath } from 'node:url';
import { freePort, startPinned, waitForHttp } from './child-process.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Node flags every mirrormesh process runs with (apps/mirrormesh/src/mesh/runtime-flags.ts says why): measured as shipped. */
export const RUNTIME_NODE_FLAGS = ['--max-semi-space-size=8'];

/**
 * Starts `node apps/<app>/dist/main.js` on a free port of 127.0.0.1, on the core of `role`
 * ('proxy': the measured process's own core; 'load': with the load generator), and resolves
 * once its readiness probe answers: { url, pid, stderr, stop() }.
 */
export async function startApp(app, env = {}, { readyPath = '/health/ready', role = 'proxy' } = {}) {
  const port = await freePort();
  const watched = startPinned(role, app, process.execPath, [...RUNTIME_NODE_FLAGS, `${ROOT}/apps/${app}/dist/main.js`], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_FORMAT: 'common', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${readyPath}`, watched, { name: app });
  return { url, pid: watched.pid, stderr: watched.child.stderr, stop: () => watched.stop() };
}
