// Starts the upstream servers in their own process on the load core, and reads their request counts.
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startPinned } from './child-process.mjs';

const ENTRY = fileURLToPath(new URL('./upstreams-main.mjs', import.meta.url));
const START_TIMEOUT_MS = 10_000;

/** Resolves with { ports: { live, 'mirror-fast', 'mirror-slow', 'mirror-500' }, pid, counts(), stop() }. */
export async function startUpstreamProcess() {
  const watched = startPinned('load', 'upstreams', process.execPath, [ENTRY], { stdio: ['pipe', 'pipe', 'pipe'] });
  const { child } = watched;
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`upstreams did not start:\n${watched.output()}`)), START_TIMEOUT_MS);
    let line = '';
    child.stdout.on('data', (chunk) => {
      line += chunk;
      if (!line.includes('\n')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.split('\n', 1)[0]));
    });
    watched.exited.then(({ code }) => reject(new Error(`upstreams exited with ${code}:\n${watched.output()}`)));
  });
  return {
    ports: ready.ports,
    pid: watched.pid,
    async counts() {
      const response = await request(`http://127.0.0.1:${ready.control}/counts`);
      return response.body.json();
    },
    stop: () => watched.stop(),
  };
}
