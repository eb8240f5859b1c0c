// Which core runs what. On this 2-core machine: core 0 is the proxy's alone (sidecar or nginx master +
// worker); core 1 carries the load side: wrk, the upstream servers and the benchmark script itself (which
// is also the constant-rate load generator). The proxy then never competes with its own load for a core,
// and "direct" shows what the load core can do when the proxy costs nothing.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { which } from './system-tools.mjs';

const TASKSET = which('taskset');
/** Read before pinSelfToLoadCore() narrows this process's affinity. */
export const CORES = availableParallelism();

export const PINNING = TASKSET && CORES >= 2 ? { proxy: '0', load: String(CORES - 1), machine: `0-${CORES - 1}` } : undefined;

export function describePinning() {
  if (!PINNING) return `no pinning (${CORES} core(s)${TASKSET ? '' : ', no taskset'}): proxy, upstreams and load share the CPU`;
  return `proxy on core ${PINNING.proxy}; wrk, upstreams and the load generator on core ${PINNING.load}`;
}

/** The command line that runs `command args` on the given role's core. */
export function pinned(role, command, args) {
  return PINNING ? [TASKSET, ['-c', PINNING[role], command, ...args]] : [command, args];
}

/** spawn() on a role's core; taskset execs the command, so the child's pid is the command's pid. */
export function spawnPinned(role, command, args, options) {
  const [file, argv] = pinned(role, command, args);
  return spawn(file, argv, options);
}

/** Moves a running process (all its threads) onto the given role's cores. */
export function repin(pid, role) {
  if (PINNING) spawnSync(TASKSET, ['-a', '-p', '-c', PINNING[role], String(pid)], { stdio: 'ignore' });
}

/** Moves this process (all its threads) onto the load core, so its children start there too. */
export function pinSelfToLoadCore() {
  if (PINNING) spawnSync(TASKSET, ['-a', '-p', '-c', PINNING.load, String(process.pid)], { stdio: 'ignore' });
}
