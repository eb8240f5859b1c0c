// Finding nginx and wrk, installing them from apt when missing (the benchmark runs as root on Debian).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** apt waits this long for a dpkg lock held by another install before it gives up. */
const APT_LOCK_TIMEOUT_S = 300;
const SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function which(command) {
  const dirs = [...(process.env.PATH ?? '').split(':'), ...SEARCH_PATH].filter(Boolean);
  return dirs.map((dir) => `${dir}/${command}`).find((path) => existsSync(path));
}

function apt(args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_S}`, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Resolves { nginx, wrk, taskset } to absolute paths, installing nginx-light (or nginx) and wrk when
 * absent. Throws with a message saying what to install by hand when apt cannot do it.
 */
export function ensureTools() {
  const missing = [
    ['nginx', 'nginx-light'],
    ['wrk', 'wrk'],
  ].filter(([command]) => !which(command));
  if (missing.length > 0) {
    if (!which('apt-get'))
      throw new Error(`missing ${missing.map(([c]) => c).join(' and ')}, and apt-get is not available: install them by hand`);
    const packages = missing.map(([, pkg]) => pkg);
    const installed =
      apt(['update']) &&
      (apt(['install', '-y', '--no-install-recommends', ...packages]) ||
        // Some releases no longer ship nginx-light: the full package has the mirror module too.
        (packages.includes('nginx-light') &&
          apt(['install', '-y', '--no-install-recommends', ...packages.map((p) => (p === 'nginx-light' ? 'nginx' : p))])));
    if (!installed)
      throw new Error(`apt-get could not install ${packages.join(' ')} (run as root with network access, or install them by hand)`);
  }
  const tools = { nginx: which('nginx'), wrk: which('wrk'), taskset: which('taskset') };
  for (const name of ['nginx', 'wrk']) if (!tools[name]) throw new Error(`${name} is still not on PATH after installing it`);
  return tools;
}

/** The first line of `<tool> -v`, for the report. */
export function versionOf(path, flag = '-v') {
  const result = spawnSync(path, [flag], { encoding: 'utf8' });
  return (
    `${result.stdout ?? ''}${result.stderr ?? ''}`
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown'
  );
}
