// Starting the compiled apps for a benchmark; they are stopped by pid (and at exit by cleanup.mjs).
import { fileURLToPath } from 'node:url';
import { freePort, waitForHttp, watchChild } from './child-process.mjs';
import { spawnPinned } from './cpu-pinning.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `node apps/<app>/dist/main.js` on a free port of 127.0.0.1, on the core of `role`
 * ('proxy': the measured process's own core; 'load': with the load generator), and resolves
 * once its readiness probe answers: { url, pid, stop() }.
 */
export async function startApp(app, env = {}, { readyPath = '/health/ready', role = 'proxy' } = {}) {
  const port = await freePort();
  const child = spawnPinned(role, process.execPath, [`${ROOT}/apps/${app}/dist/main.js`], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_FORMAT: 'common', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watchChild(child, app);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${readyPath}`, watched, { name: app });
  return { url, pid: watched.pid, stop: () => watched.stop() };
}
