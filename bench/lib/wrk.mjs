// Runs wrk (closed-loop keep-alive load) on the load core and parses its report.
import { spawn } from 'node:child_process';
import { pinned } from './cpu-pinning.mjs';
import { trackPid } from './cleanup.mjs';

export const WRK_DEFAULTS = { threads: 1, connections: 32, durationS: 10, timeoutS: 10 };

const UNIT_MS = { us: 0.001, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

function toMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`wrk: cannot read the duration "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** { requests, rps, p50, p75, p90, p99 (ms), non2xx, socketErrors: { connect, read, write, timeout } } */
export function parseWrk(output) {
  const number = (re) => {
    const match = re.exec(output);
    return match ? Number(match[1]) : undefined;
  };
  const percentile = (p) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    return match ? toMs(match[1]) : NaN;
  };
  const rps = number(/^Requests\/sec:\s+([\d.]+)/m);
  if (rps === undefined) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: number(/^\s+(\d+) requests in/m) ?? 0,
    rps,
    p50: percentile(50),
    p75: percentile(75),
    p90: percentile(90),
    p99: percentile(99),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    socketErrors: errors
      ? { connect: +errors[1], read: +errors[2], write: +errors[3], timeout: +errors[4] }
      : { connect: 0, read: 0, write: 0, timeout: 0 },
  };
}

/** Runs `wrk --latency` against url; resolves with parseWrk's result plus the command line. */
export function runWrk(wrkPath, url, options = {}) {
  const { threads, connections, durationS, timeoutS } = { ...WRK_DEFAULTS, ...options };
  const args = [`-t${threads}`, `-c${connections}`, `-d${durationS}s`, '--timeout', `${timeoutS}s`, '--latency', url];
  const [file, argv] = pinned('load', wrkPath, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const untrack = trackPid(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      untrack();
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      try {
        resolve({ ...parseWrk(output), command: `wrk ${args.join(' ')}` });
      } catch (error) {
        reject(error);
      }
    });
  });
}
