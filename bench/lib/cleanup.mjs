// One place that undoes what a benchmark started: on success, on a thrown error and on Ctrl-C.
import { rmSync } from 'node:fs';

const tasks = [];
const pids = new Set();
const dirs = new Set();
let installed = false;

/** Registers an async undo step; steps run last-registered first. */
export function onCleanup(task) {
  install();
  tasks.push(task);
}

/** A pid this benchmark started: SIGKILLed at exit if it is still alive then. */
export function trackPid(pid) {
  install();
  pids.add(pid);
  return () => pids.delete(pid);
}

/** A temporary directory this benchmark created: removed at exit. */
export function trackDir(dir) {
  install();
  dirs.add(dir);
  return dir;
}

export async function cleanup() {
  while (tasks.length > 0) {
    const task = tasks.pop();
    try {
      await task();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
  lastResort();
}

/** Synchronous, so it can run from the 'exit' event: kill what is left by pid, remove temp dirs. */
function lastResort() {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  pids.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

function install() {
  if (installed) return;
  installed = true;
  process.once('exit', lastResort);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what the benchmark started`);
      cleanup().finally(() => process.exit(130));
    });
  }
}
