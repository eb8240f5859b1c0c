// Helpers for the processes a proxy benchmark starts: collect their output (bounded), wait until they
// answer, stop them by pid.
import { createServer } from 'node:net';
import { request } from 'undici';
import { onCleanup, trackPid } from './cleanup.mjs';
import { spawnPinned } from './cpu-pinning.mjs';

/** Output kept per child for error messages; older output is dropped. */
const OUTPUT_LIMIT = 20_000;
/** How long a stopped child gets to exit after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 5_000;

/** Tracks the child for cleanup and keeps the tail of its stdout/stderr for error messages. */
function watchChild(child, name) {
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  const untrack = trackPid(child.pid);
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT / 2);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('exit', untrack);
  return {
    child,
    pid: child.pid,
    exited,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * How a benchmark starts every process it measures or needs: on the core of `role` (see
 * cpu-pinning.mjs), watched, and stopped gracefully at cleanup (on success, error or Ctrl-C).
 */
export function startPinned(role, name, command, args, options) {
  const watched = watchChild(spawnPinned(role, command, args, options), name);
  onCleanup(() => watched.stop());
  return watched;
}

/** A port that was free a moment ago on 127.0.0.1 (for processes that must be told their port). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers `status`; fails early if the watched child exits. */
export async function waitForHttp(url, watched, { status = 200, timeoutMs = 15_000, name = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!watched.alive()) throw new Error(`${name} exited before it was ready:\n${watched.output()}`);
    try {
      const response = await request(url, { headersTimeout: 1_000, bodyTimeout: 1_000 });
      await response.body.dump();
      if (response.statusCode === status) return;
      last = `HTTP ${response.statusCode}`;
    } catch (error) {
      last = error.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} not ready within ${timeoutMs} ms (${last}):\n${watched.output()}`);
}
