// Starts the bare forwarder (bare-forwarder-main.mjs) on the proxy core, exactly as the sidecar is started (same Node flags);
// ready when a request through it reaches the live upstream; stopped by pid.
import { fileURLToPath } from 'node:url';
import { freePort, startPinned, waitForHttp } from './child-process.mjs';
import { RUNTIME_NODE_FLAGS } from './processes.mjs';

const ENTRY = fileURLToPath(new URL('./bare-forwarder-main.mjs', import.meta.url));

/** Resolves with { url, pid, stop() }; `nodeArgs` e.g. ['--cpu-prof', ...]. */
export async function startBareForwarder({ livePort, nodeArgs = [] }) {
  const port = await freePort();
  const watched = startPinned(
    'proxy',
    'bare forwarder',
    process.execPath,
    [...RUNTIME_NODE_FLAGS, ...nodeArgs, ENTRY, String(port), String(livePort)],
    {
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}/books/1`;
  await waitForHttp(url, watched, { name: 'bare forwarder' });
  return { url, pid: watched.pid, stop: () => watched.stop() };
}
