// Starting the compiled apps for a benchmark and stopping them by pid.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `node apps/<app>/dist/main.js` and resolves with its URL once it logs "listening on". */
export function startApp(app, env, { timeoutMs = 15_000 } = {}) {
  const child = spawn(process.execPath, [`${ROOT}/apps/${app}/dist/main.js`], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'common', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${app} did not start:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      // Keep memory flat while the access log streams in.
      if (output.length > 1_000_000) output = output.slice(-10_000);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: child.pid, stop: () => stop(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${app} exited with ${code}:\n${output}`));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
