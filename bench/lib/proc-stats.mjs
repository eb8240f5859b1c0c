// Memory and CPU of a process tree, read from /proc (Linux), e.g. nginx's master and its worker.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** How often the peak-RSS sampler looks: often enough to see short-lived children before they exit. */
export const RSS_SAMPLE_INTERVAL_MS = 200;

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid) {
  const stat = read(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The pid and all its descendants that are alive now. */
export function processTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const ppid = Number(fields[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    if (read(`/proc/${pid}/stat`) === undefined) continue;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function statusKiB(pid, key) {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) : undefined;
}

/** user + system CPU seconds of the tree's live processes. */
export function cpuSeconds(rootPid) {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** user + system CPU seconds of one process's main thread (its thread id is its pid), without its other threads. */
export function mainThreadCpuSeconds(pid) {
  const stat = read(`/proc/${pid}/task/${pid}/stat`);
  if (stat === undefined) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Waits until the tree is idle (under `idleShare` of one core over `windowMs`), at most `maxS`
 * seconds; resolves the seconds waited. Work a process defers past its load (a telemetry backlog)
 * shows here instead of disappearing from its measurements.
 */
export async function waitUntilIdle(rootPid, { windowMs = 200, idleShare = 0.05, maxS = 30 } = {}) {
  const started = performance.now();
  let before = cpuSeconds(rootPid);
  while (performance.now() - started < maxS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = cpuSeconds(rootPid);
    if (now - before < (idleShare * windowMs) / 1000) break;
    before = now;
  }
  return (performance.now() - started - windowMs) / 1000;
}

/**
 * Samples the tree's memory until stopped; `peakMiB()` is the sum over its processes of each one's
 * high-water mark (VmHWM), an upper bound of the tree's peak resident set; `startMiB` the same at start.
 */
export function sampleRss(rootPid) {
  const hwm = new Map();
  const sample = () => {
    for (const pid of processTree(rootPid)) {
      const kib = statusKiB(pid, 'VmHWM') ?? statusKiB(pid, 'VmRSS');
      if (kib !== undefined) hwm.set(pid, Math.max(hwm.get(pid) ?? 0, kib));
    }
  };
  sample();
  const startMiB = [...hwm.values()].reduce((sum, kib) => sum + kib, 0) / 1024;
  const timer = setInterval(sample, RSS_SAMPLE_INTERVAL_MS);
  timer.unref();
  return {
    /** The tree's resident set when sampling began (right after start-up: the idle baseline). */
    startMiB,
    peakMiB() {
      sample();
      return [...hwm.values()].reduce((sum, kib) => sum + kib, 0) / 1024;
    },
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}
