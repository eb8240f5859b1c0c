import { isIP } from 'node:net';

/**
 * 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost": nothing else is known to stay on this
 * host. An admin API bound anywhere else takes writes from whoever can reach it, so its hosts
 * (the standalone sidecar, an app with the proxy in process) ask for a token there.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
